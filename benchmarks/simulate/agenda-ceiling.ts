import { PriorityQueue } from '@planledger/simulation';

/**
 * The ceiling for the simulator: pushing and popping as many dated items through the same heap,
 * with nothing decided. No simulation of the same events can go faster than its own agenda.
 */
export function agendaCeiling(items: number): { items: number; ms: number } {
  const queue = new PriorityQueue<{ atMs: number; seq: number }>((a, b) => (a.atMs !== b.atMs ? a.atMs < b.atMs : a.seq < b.seq));
  const start = Date.parse('2021-09-01T00:00:00+08:00');
  const t = performance.now();
  for (let i = 0; i < items; i++) queue.push({ atMs: start + ((i * 7919) % 94_608_000) * 1000, seq: i });
  let last = 0;
  while (queue.size > 0) last = queue.pop()!.atMs;
  const ms = performance.now() - t;
  if (last < start) throw new Error('heap order broken');
  return { items, ms };
}
