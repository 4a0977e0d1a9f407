import type { Progress } from '@planledger/projections';

/*
 * The same counting as libs/projections/src/queries/progress.ts, which that library does not
 * export: a plan as of a date must report progress exactly as GET /plans/{id} does today.
 */

export const emptyProgress = (): Progress => ({ total: 0, notIssued: 0, byStatus: {}, accepted: 0, percentAccepted: 0 });

export function addToProgress(progress: Progress, status: string, count = 1): Progress {
  progress.total += count;
  if (status === 'not_issued') progress.notIssued += count;
  else progress.byStatus[status] = (progress.byStatus[status] ?? 0) + count;
  progress.accepted = progress.byStatus.accepted ?? 0;
  const owed = progress.total - (progress.byStatus.waived ?? 0) - (progress.byStatus.cancelled ?? 0);
  progress.percentAccepted = owed > 0 ? Math.round((progress.accepted / owed) * 1000) / 10 : 0;
  return progress;
}
