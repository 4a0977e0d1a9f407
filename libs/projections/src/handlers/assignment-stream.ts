import { streamNames } from '@planledger/domain';

/**
 * The plan an assignment event belongs to. Only AssignmentIssued names the plan; the others carry
 * the assignment id, and the stream is `assignment-${planId}.${assignmentId}`. Both ids may hold
 * dots, so the plan id is what remains once the known assignment id is cut off the end.
 */
export function planIdOfAssignmentStream(stream: string, assignmentId: string): string | undefined {
  const prefix = streamNames.assignment('', '').slice(0, -1); // "assignment-"
  const suffix = `.${assignmentId}`;
  if (!stream.startsWith(prefix) || !stream.endsWith(suffix)) return undefined;
  const planId = stream.slice(prefix.length, stream.length - suffix.length);
  return planId.length > 0 ? planId : undefined;
}
