import { Agenda } from '@planledger/simulation';

/**
 * The ceiling for the simulator: as many items as the run had events, added to and taken from
 * the simulator's own Agenda, spread over as many instants as the run's agenda opened, in a
 * scrambled order, with nothing decided. No simulation of the same events can go faster than
 * its own agenda.
 */
export function agendaCeiling(items: number, instants: number): { items: number; ms: number } {
  const agenda = new Agenda();
  const start = Date.parse('2021-09-01T00:00:00+08:00');
  const span = Math.max(1, instants);
  const t = performance.now();
  for (let i = 0; i < items; i++) agenda.addPlannerStep(start + ((i * 7919) % span) * 86_400_000, i);
  let last = 0;
  for (let item = agenda.next(Infinity); item; item = agenda.next(Infinity)) last = item.atMs;
  const ms = performance.now() - t;
  if (last < start || agenda.size !== 0) throw new Error('agenda order broken');
  return { items, ms };
}
