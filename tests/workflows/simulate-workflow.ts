import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanSchedule, PlanledgerEvent } from '@planledger/domain';
import { parsePlanDefinition } from '@planledger/plan-definition';
import { compileSchedule } from '@planledger/scheduling';
import { simulatePlan, TimelineBuilder, type BehaviourOptions, type TimelineEntry } from '@planledger/simulation';

export const workflowsDir = join(__dirname, '..', '..', 'workflows');

export function loadWorkflow(name: string): { schedule: PlanSchedule; text: string; file: string } {
  const file = join(workflowsDir, name);
  const text = readFileSync(file, 'utf8');
  const parsed = parsePlanDefinition(text, file, { readFile: (p) => readFileSync(p, 'utf8') });
  if (!parsed.ok) throw new Error(`${name} does not validate:\n${parsed.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join('\n')}`);
  return { schedule: compileSchedule(parsed.definition), text, file };
}

export function simulateWorkflow(name: string, behaviour: Partial<BehaviourOptions> = {}) {
  const { schedule, text, file } = loadWorkflow(name);
  const events: PlanledgerEvent[] = [];
  const timeline = new TimelineBuilder(schedule.planId);
  const entries: TimelineEntry[] = [];
  const result = simulatePlan(schedule, { fileName: file, format: 'yaml', text }, {
    behaviour,
    onEvent: (event) => {
      events.push(event);
      entries.push(timeline.entry(event));
    },
  });
  return { schedule, result, events, entries };
}
