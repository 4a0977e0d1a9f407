import type { TargetStatus } from '@planledger/domain';
import type { Scenario } from './equivalence-scenario';

/**
 * The same small plan with every target kind (tests/equivalence/plans/targets-every-kind.yaml),
 * three times: values that end every series met, then at risk (the run stops before the final
 * year ends), then missed (by values, and the kindergarten's grade by silence: nothing reported
 * for 2024, missed as the year ends, ADR 0026). A planner's value is recorded at its year's last
 * instant; a reported one with its submission (the office is late, inside the year).
 */
export function everyKindScenarios(): Scenario[] {
  const plan = 'tests/equivalence/plans/targets-every-kind.yaml';
  const yearEnd = (period: string) => `${period}-12-31T23:59:59.999+08:00`;
  const value = (series: string, period: string, v: number | boolean | string) => {
    const [targetId, unit] = series.split('@');
    return { targetId, unitId: unit === '*' ? null : unit, period, value: v, at: yearEnd(period) };
  };
  const every = (status: TargetStatus): Record<string, TargetStatus> =>
    Object.fromEntries(['enrolment@*', 'quality-kindergartens@*', 'new-places@*', 'myopia@school-a', 'myopia@school-b', 'safety@school-a', 'safety@school-b', 'evaluation@*', 'park-grade@kindergarten-a'].map((key) => [key, status]));
  const common = { plan, late: 'bureau-office', publishAt: '2022-12-20T09:00:00.000+08:00' };
  return [
    {
      ...common,
      silent: 'bureau',
      until: '2025-01-31T23:59:59.999+08:00',
      measurements: [
        value('enrolment@*', '2023', 88.5), value('enrolment@*', '2024', 91),
        value('quality-kindergartens@*', '2023', 9), value('quality-kindergartens@*', '2024', 12),
        value('new-places@*', '2023', 1100), value('new-places@*', '2024', 1100),
        value('myopia@school-a', '2023', 40), value('myopia@school-a', '2024', 39.4),
        value('myopia@school-b', '2023', 38), value('myopia@school-b', '2024', 37.5),
        value('safety@school-a', '2023', 0), value('safety@school-a', '2024', 0),
        value('safety@school-b', '2023', 0), value('safety@school-b', '2024', 0),
        // No value for 2023: at risk as 2024 begins, met by 2024's pass.
        value('evaluation@*', '2024', true),
        value('park-grade@kindergarten-a', '2023', '二级'), value('park-grade@kindergarten-a', '2024', '一级'),
      ],
      targetsEnd: every('met'),
      expectTypes: ['TargetMeasured', 'TargetStatusChanged', 'AssignmentSubmitted', 'AssignmentOverdue'],
    },
    {
      ...common,
      silent: 'bureau',
      until: '2024-06-30T23:59:59.999+08:00',
      measurements: [
        value('enrolment@*', '2023', 86), // below the 2023 milestone of 88
        value('quality-kindergartens@*', '2023', 7), // +1 a year reaches 8 by 2024, short of 12
        value('new-places@*', '2023', 600), // 600 a year reaches 1200, short of 2200
        value('evaluation@*', '2023', false), // not yet passed
        value('park-grade@kindergarten-a', '2023', '三级'), // not yet 一级
        // myopia and safety: nothing reported for 2023, so both schools' series are at risk.
      ],
      targetsEnd: every('at-risk'),
      expectTypes: ['TargetMeasured', 'TargetStatusChanged', 'AssignmentSubmitted'],
    },
    {
      ...common,
      silent: 'kindergarten-a',
      until: '2025-01-31T23:59:59.999+08:00',
      measurements: [
        value('enrolment@*', '2023', 88.5), value('enrolment@*', '2024', 89),
        value('quality-kindergartens@*', '2023', 9), value('quality-kindergartens@*', '2024', 11),
        value('new-places@*', '2023', 1000), value('new-places@*', '2024', 900),
        value('myopia@school-a', '2023', 40), value('myopia@school-a', '2024', 40.2), // rose
        value('myopia@school-b', '2023', 38), value('myopia@school-b', '2024', 37.8), // fell by less than 0.5
        value('safety@school-a', '2023', 1), // one incident: missed for good
        value('safety@school-b', '2023', 0), value('safety@school-b', '2024', 2),
        value('evaluation@*', '2024', false),
        // park-grade: the kindergarten is silent, so its 2024 grade never comes.
      ],
      targetsEnd: every('missed'),
      expectTypes: ['TargetMeasured', 'TargetStatusChanged', 'AssignmentSubmitted', 'AssignmentOverdue', 'AssignmentEscalated'],
    },
    {
      // Amended on 2024-03-01 (targets-every-kind.amended.yaml): 入园率 raised to 92 %, so 2024's 91
      // misses it; 优质园 dropped (its history stays: on track after 2023; its 2024 report, not yet
      // issued, never is); 骨干教师占比 added, rising from its 2023 base. The amendment's re-judging and the
      // reporting work it withdraws are recorded alike by the service and the simulator.
      ...common,
      silent: 'bureau',
      amendment: { file: 'tests/equivalence/plans/targets-every-kind.amended.yaml', at: '2024-03-01T00:00:00.000+08:00' },
      until: '2025-01-31T23:59:59.999+08:00',
      measurements: [
        value('enrolment@*', '2023', 88.5), value('enrolment@*', '2024', 91),
        value('quality-kindergartens@*', '2023', 9),
        value('new-places@*', '2023', 1100), value('new-places@*', '2024', 1100),
        value('myopia@school-a', '2023', 40), value('myopia@school-a', '2024', 39.4),
        value('myopia@school-b', '2023', 38), value('myopia@school-b', '2024', 37.5),
        value('safety@school-a', '2023', 0), value('safety@school-a', '2024', 0),
        value('safety@school-b', '2023', 0), value('safety@school-b', '2024', 0),
        value('evaluation@*', '2024', true),
        value('park-grade@kindergarten-a', '2023', '二级'), value('park-grade@kindergarten-a', '2024', '一级'),
        value('key-teachers@*', '2024', 52),
      ],
      targetsEnd: { ...every('met'), 'enrolment@*': 'missed', 'quality-kindergartens@*': 'on-track', 'key-teachers@*': 'met' },
      expectTypes: ['PlanAmended', 'TargetMeasured', 'TargetStatusChanged'],
    },
  ];
}
