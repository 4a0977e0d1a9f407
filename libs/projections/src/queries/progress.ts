/** How far a plan (or a phase, or a department's share) has come. */
export interface Progress {
  /** Obligations of the current schedule not issued yet, plus every issued assignment. */
  total: number;
  notIssued: number;
  /** Issued assignments by status (issued, acknowledged, in_progress, submitted, returned, accepted, waived, cancelled). */
  byStatus: Record<string, number>;
  accepted: number;
  /** accepted / (total − waived − cancelled), in percent with one decimal; 0 when nothing is owed. */
  percentAccepted: number;
}

export const emptyProgress = (): Progress => ({ total: 0, notIssued: 0, byStatus: {}, accepted: 0, percentAccepted: 0 });

/** Adds `count` assignments in `status` ('not_issued' for obligations without a row). */
export function addToProgress(progress: Progress, status: string, count = 1): Progress {
  progress.total += count;
  if (status === 'not_issued') progress.notIssued += count;
  else progress.byStatus[status] = (progress.byStatus[status] ?? 0) + count;
  progress.accepted = progress.byStatus.accepted ?? 0;
  const owed = progress.total - (progress.byStatus.waived ?? 0) - (progress.byStatus.cancelled ?? 0);
  progress.percentAccepted = owed > 0 ? Math.round((progress.accepted / owed) * 1000) / 10 : 0;
  return progress;
}
