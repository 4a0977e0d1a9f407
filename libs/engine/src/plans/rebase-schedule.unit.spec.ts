import { schedule } from '@planledger/domain/testing';
import { rebaseSchedule } from './rebase-schedule';

describe('rebaseSchedule', () => {
  const original = { ...schedule(), timeZone: 'Asia/Shanghai', startsAt: '2021-09-01T00:00:00.000+08:00', endsAt: '2024-08-31T23:59:59.999+08:00' };

  it('moves every instant by whole days so that the plan starts on the given local day, keeping times of day', () => {
    const rebased = rebaseSchedule(original, '2026-11-23');
    expect(rebased.startsAt).toBe('2026-11-23T00:00:00.000+08:00');
    const days = (Date.parse(rebased.startsAt) - Date.parse(original.startsAt)) / 86_400_000;
    expect(Number.isInteger(days)).toBe(true);
    expect(Date.parse(rebased.endsAt) - Date.parse(original.endsAt)).toBe(days * 86_400_000);
    rebased.obligations.forEach((o, i) => {
      expect(Date.parse(o.dueAt) - Date.parse(original.obligations[i].dueAt)).toBe(days * 86_400_000);
      expect(o.assignmentId).toBe(original.obligations[i].assignmentId);
    });
    rebased.phases.forEach((p, i) => expect(Date.parse(p.opensAt) - Date.parse(original.phases[i].opensAt)).toBe(days * 86_400_000));
  });

  it('moves the publication day with the rest, and leaves it out when the schedule has none', () => {
    const rebased = rebaseSchedule({ ...original, publishesAt: '2021-08-20T00:00:00.000+08:00' }, '2026-11-23');
    expect(rebased.publishesAt).toBe('2026-11-11T00:00:00.000+08:00');
    expect('publishesAt' in rebaseSchedule(original, '2026-11-23')).toBe(false);
  });

  it('moves an outside event\'s expected window and an inspection\'s planned day by the same days; undated ones stay undated', () => {
    const rebased = rebaseSchedule({
      ...original,
      outsideEvents: [
        { eventId: 'visit', name: '省级督导', expected: { from: '2022-04-01', to: '2022-05-31' }, recurring: false, inspection: false },
        { eventId: 'notice', name: '上级通知', recurring: true, inspection: false },
      ],
      inspections: [
        { inspectionId: 'spring', name: '春季督查', inspectingUnitId: 'supervision', unitIds: ['school-a'], date: '2022-03-15', rectificationDays: 30 },
        { inspectionId: 'any', name: '随机督查', inspectingUnitId: 'supervision', unitIds: ['school-a'], rectificationDays: 30 },
      ],
    }, '2026-11-23');
    // 2021-09-01 → 2026-11-23 is 1909 days.
    expect(rebased.outsideEvents).toEqual([
      { eventId: 'visit', name: '省级督导', expected: { from: '2027-06-23', to: '2027-08-22' }, recurring: false, inspection: false },
      { eventId: 'notice', name: '上级通知', recurring: true, inspection: false },
    ]);
    expect(rebased.inspections?.map((i) => i.date)).toEqual(['2027-06-06', undefined]);
  });

  it('moves the instants a target\'s periods are judged at, keeping the period labels (as reporting work keeps its period keys)', () => {
    const target = { targetId: 'enrolment', metric: '入园率', kind: 'threshold' as const, unit: '%', milestones: [{ period: '2022', value: 90 }], unitIds: [] };
    const rebased = rebaseSchedule({ ...original, targets: [{ ...target, periodEnds: [{ period: '2022', judgedAt: '2023-01-01T00:00:00.000+08:00' }] }, target] }, '2026-11-23');
    expect(rebased.targets).toEqual([{ ...target, periodEnds: [{ period: '2022', judgedAt: '2028-03-24T00:00:00.000+08:00' }] }, target]);
  });

  it('can give the copy another plan id', () => {
    expect(rebaseSchedule(original, '2026-11-23', 'copy-2026').planId).toBe('copy-2026');
  });

  it('refuses a date that is not one', () => {
    expect(() => rebaseSchedule(original, '2026-13-45')).toThrow(/not a date/);
  });
});
