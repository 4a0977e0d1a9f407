import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { supervisionRecordOf } from '@planledger/bulletins';
import type { PlanledgerEvent } from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import { parsePlanDefinition } from '@planledger/plan-definition';
import { compileSchedule } from '@planledger/scheduling';
import { simulatePlan, type SimulationOptions } from '@planledger/simulation';

/**
 * The assessment reads target statuses and findings from the plan stream with its own readers
 * (ADR 0025), while the domain writes them (ADRs 0023, 0024). The events the one workflow really
 * records, for the targets and inspections examples, must be read by the assessment as they are.
 */
const repo = join(__dirname, '..', '..');

function recordedEvents(example: string, options: Pick<SimulationOptions, 'measurements' | 'inspections' | 'findings'>): PlanledgerEvent[] {
  const path = join(repo, 'workflows', 'examples', example);
  const text = readFileSync(path, 'utf8');
  const parsed = parsePlanDefinition(text, path, { readFile: (p) => readFileSync(p, 'utf8') });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const events: PlanledgerEvent[] = [];
  simulatePlan(compileSchedule(parsed.definition), { fileName: basename(path), format: 'yaml', text }, { ...options, onEvent: (event) => events.push(event) });
  return events;
}

const asStored = (event: PlanledgerEvent, revision: number): StoredEvent =>
  ({ stream: `plan-${(event.data as { planId: string }).planId}`, revision: BigInt(revision), type: event.type, schemaVersion: event.schemaVersion, data: event.data }) as unknown as StoredEvent;

describe('what the assessment reads is what the domain writes', () => {
  it('every TargetStatusChanged of the targets example is read with its status, unit and period', () => {
    const events = recordedEvents('targets.yaml', {
      measurements: [
        { targetId: 'enrolment', unitId: null, period: '2022', value: 86, at: '2022-12-01T09:00:00.000+08:00' },
        { targetId: 'enrolment', unitId: null, period: '2023', value: 88.5, at: '2023-12-01T09:00:00.000+08:00' },
        { targetId: 'safety', unitId: 'school-b', period: '2023', value: 1, at: '2023-12-01T09:00:00.000+08:00' },
      ],
    });
    const changes = events.filter((e) => e.type === 'TargetStatusChanged');
    expect(changes.length).toBeGreaterThanOrEqual(2);
    changes.forEach((event, i) => {
      const read = supervisionRecordOf(asStored(event, i));
      expect(read).toEqual({ kind: 'target', data: expect.objectContaining({ targetId: (event.data as { targetId: string }).targetId, status: (event.data as { status: string }).status }) });
    });
    expect(changes.map((e) => supervisionRecordOf(asStored(e, 0))?.data)).toContainEqual(expect.objectContaining({ targetId: 'safety', unitId: 'school-b', status: 'missed' }));
  });

  it('every FindingRecorded of the inspections example is read with its unit and the finding it repeats', () => {
    const events = recordedEvents('inspections.yaml', {
      inspections: [
        { inspectionId: 'spring-check', date: '2024-03-12', at: '2024-03-12T17:00:00.000+08:00' },
        { inspectionId: 'walk', date: '2024-05-15', at: '2024-05-15T17:00:00.000+08:00', inspectingUnitId: 'supervision', unitIds: ['school-a'] },
      ],
      findings: [
        { inspectionId: 'spring-check', unitId: 'school-a', text: '作业公示制度落实不到位', code: 'homework', at: '2024-03-12T17:00:00.000+08:00' },
        { inspectionId: 'walk', unitId: 'school-a', text: '作业总量仍然超标', code: 'homework', at: '2024-05-15T17:00:00.000+08:00' },
      ],
    });
    const findings = events.filter((e) => e.type === 'FindingRecorded').map((e, i) => supervisionRecordOf(asStored(e, i)));
    expect(findings).toHaveLength(2);
    expect(findings[0]).toEqual({ kind: 'finding', data: expect.objectContaining({ unitId: 'school-a', inspectionId: 'spring-check' }) });
    expect(findings[1]).toEqual({ kind: 'finding', data: expect.objectContaining({ unitId: 'school-a', repeatOf: (findings[0]!.data as { findingId: string }).findingId }) });
  });
});
