/**
 * npm run bench:simulate — simulates a synthetic plan (3 years × 60 measures × 200 schools, yearly,
 * per-semester, monthly and phase-relative obligations; a few schools late or silent) and prints
 * events per second and peak memory, beside the ceiling of the agenda alone measured in this run,
 * with the CPU time it took and the load average (BENCH_CLI_RUNS=0 leaves out the CLI's wall time).
 */
import { cpus, loadavg } from 'node:os';
import { compileSchedule } from '@planledger/scheduling';
import { simulatePlan } from '@planledger/simulation';
import { syntheticPlan } from './synthetic-plan';
import { agendaCeiling } from './agenda-ceiling';
import { cliWallRows, measureCliWall } from './cli-wall';

const measures = Number(process.env.BENCH_MEASURES ?? 60);
const schools = Number(process.env.BENCH_SCHOOLS ?? 200);

const t0 = performance.now();
const definition = syntheticPlan(measures, schools);
const schedule = compileSchedule(definition);
const compileMs = performance.now() - t0;

const late = new Set(['school-001', 'school-002', 'school-003']);
const silent = new Set(['school-004', 'school-005']);
let heapPeak = 0;
let counted = 0;
const cpu1 = process.cpuUsage();
const t1 = performance.now();
const result = simulatePlan(schedule, { fileName: 'synthetic', format: 'yaml', text: '' }, {
  retainEvents: false,
  behaviour: { late, silent },
  onEvent: () => {
    if (++counted % 50_000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  },
});
const simulateMs = performance.now() - t1;
// CPU time (user + system, GC threads included): what the run cost, whatever else the machine was doing.
const { user, system } = process.cpuUsage(cpu1);
const simulateCpuMs = (user + system) / 1000;
heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);

const ceiling = agendaCeiling(result.events, result.agenda.instants);
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');

console.log(`synthetic plan: 3 school years × ${measures} measures × ${schools} schools`);
console.log(`obligations compiled: ${schedule.obligations.length.toLocaleString('en')} in ${compileMs.toFixed(0)} ms`);
console.log(`events simulated:     ${result.events.toLocaleString('en')} in ${simulateMs.toFixed(0)} ms`);
console.log('');
console.log('| figure | value | ceiling (same run) | ratio |');
console.log('|---|---|---|---|');
console.log(`| events/s (simulate) | ${rate(result.events, simulateMs)} | ${rate(ceiling.items, ceiling.ms)} (agenda add+take only, ${result.agenda.instants} instants) | ${((result.events / simulateMs) / (ceiling.items / ceiling.ms) * 100).toFixed(0)} % |`);
console.log(`| events per CPU second (user + system) | ${rate(result.events, simulateCpuMs)} | | ${simulateCpuMs.toFixed(0)} ms of CPU for ${simulateMs.toFixed(0)} ms of wall |`);
console.log(`| load average (1, 5, 15 min) at the end | ${loadavg().map((l) => l.toFixed(2)).join(' ')} | | ${cpus().length} cores |`);
console.log(`| peak heap used | ${mib(heapPeak)} | | |`);
console.log(`| peak RSS | ${mib(process.resourceUsage().maxRSS * 1024)} | | |`);
console.log('');
console.log('events by type:', JSON.stringify(result.eventsByType));
if (result.rejections.length > 0) {
  console.error(`${result.rejections.length} commands refused, e.g. ${result.rejections[0].error.message}`);
  process.exitCode = 1;
}

// What a planner waits for: the CLI on the Lianyun plan (see cli-wall.ts; `npm run bench:cli` alone).
const cliRuns = Number(process.env.BENCH_CLI_RUNS ?? 3);
if (cliRuns > 0) {
  console.log('');
  for (const row of cliWallRows(measureCliWall(cliRuns))) console.log(row);
}
