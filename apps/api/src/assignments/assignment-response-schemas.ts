import { z } from 'zod';

/**
 * Shapes of the answers of the inbox, assignment page and file routes: the route table points at
 * them so that the OpenAPI document (and the web app's generated client) types them; the
 * integration tests parse real answers with them, so they cannot drift from what is sent.
 */

const instant = z.string().describe("an instant in the plan's time zone with its offset, e.g. 2031-01-17T23:59:59.999+08:00");
const assignmentStatus = z.enum(['issued', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'waived', 'cancelled']);
export const assignmentActionName = z.enum(['acknowledge', 'start', 'progress', 'submit', 'return', 'accept', 'reassign', 'waive']);
const allowedActions = z.array(assignmentActionName).describe('the actions this caller may take now: the state machine\'s rules and the route policies (never a button that would be refused)');

/** Who carries work a role holds (班主任 of a class, ADR 0022): the roster's people then, or nobody named yet (未指定). */
export const roleHoldersSchema = z.object({
  roleId: z.string(),
  people: z.array(z.object({ personId: z.string(), name: z.string() })).describe('who holds the role at the unit (at asOf when replayed); empty: not yet named, the unit\'s head answers for the work'),
  since: instant.nullable().describe('when the roster naming them was recorded; null when nobody is named'),
}).describe('present when a role carries the work');

export const inboxItemSchema = z.object({
  assignmentId: z.string(),
  ref: z.string().describe('`${planId}.${assignmentId}`: unique across plans, usable as /assignments/{id}'),
  planId: z.string(),
  planTitle: z.string(),
  measureId: z.string(),
  measureTitle: z.string(),
  periodKey: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  dueAt: instant,
  status: assignmentStatus,
  overdue: z.boolean().describe('still owed and past its deadline now'),
  overdueSince: instant.nullable(),
  escalationLevel: z.number().int(),
  submittedAt: instant.nullable(),
  acceptedAt: instant.nullable(),
  currentReviewer: z.string().nullable().describe('the department reviewing a submission now'),
  currentReviewerName: z.string().nullable(),
  allowedActions,
  role: roleHoldersSchema.nullable().optional(),
  heldByMe: z.boolean().optional().describe('the roster names the caller for this work\'s role at its unit'),
});

const group = z.array(inboxItemSchema);
export const myInboxResponse = z.object({
  now: instant.describe('business time the groups were judged at'),
  groups: z.object({
    overdue: group.describe('已逾期: still owed and past the deadline, longest overdue first'),
    dueWithin7Days: group.describe('7 天内到期: still owed, due within 7 days'),
    awaitingMyReview: group.describe('待我审核: submitted, the review chain at a step a department of the caller holds'),
    inProgress: group.describe('进行中: the rest of the open work (also submissions waiting for someone else)'),
    standing: group.describe('常态化: standing duties still carried on, with no deadline (never overdue)'),
    done: group.describe('已完成: accepted in the last 30 days, latest first'),
  }),
  counts: z.object({
    overdue: z.number().int(), dueWithin7Days: z.number().int(), awaitingMyReview: z.number().int(), inProgress: z.number().int(), standing: z.number().int(), done: z.number().int(),
    open: z.number().int().describe('all but done and standing (work with no deadline does not ask for attention): the header badge'),
  }).describe('items per group in all (the lists hold at most `limit` each)'),
});
export type MyInboxResponse = z.output<typeof myInboxResponse>;
export type InboxItemResponse = z.output<typeof inboxItemSchema>;

/** A document kept with the work: an uploaded file (content-addressed) or, in older records, a reference. */
export const attachmentSchema = z.object({
  sha256: z.string().nullable().describe('the file\'s SHA-256 (hex): the event records it, so the hash chain covers the document; null for a bare reference'),
  name: z.string(),
  size: z.number().int().nullable(),
  mediaType: z.string().nullable(),
  ref: z.string().nullable().describe('where an external document is kept (records made before uploads); null for uploaded files'),
  downloadUrl: z.string().nullable().describe('GET this to download (uploaded files only)'),
});

const person = z.object({
  userId: z.string(),
  name: z.string().describe('the person\'s name from the people directory, else their id; "system" for timers'),
  role: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
});

export const historyItemSchema = z.object({
  revision: z.number().int(),
  type: z.string().describe('the event type, e.g. AssignmentSubmitted'),
  at: instant.describe('business time'),
  recordedAt: instant,
  actor: person,
  note: z.string().nullable().describe('the note of a progress report, submission or acceptance'),
  reason: z.string().nullable().describe('the reason of a return, reassignment, waiver, cancellation or deadline move'),
  attachments: z.array(attachmentSchema),
  data: z.record(z.string(), z.unknown()).describe('the event\'s data as read today (upcast)'),
  delivery: z.object({
    channelId: z.string(),
    channelKind: z.string().describe('wecom | dingtalk | email | webhook'),
    recipientId: z.string(),
    recipientName: z.string(),
    kind: z.string().describe('what the notification said: reminder-due, overdue, escalated, …'),
    attempt: z.number().int(),
    outcome: z.enum(['sent', 'refused', 'given-up', 'withheld', 'retry-requested']),
    detail: z.string().nullable().describe('the channel\'s answer when sent'),
    error: z.string().nullable().describe('the channel\'s error when refused or given up'),
    title: z.string().nullable().describe('what was sent (its first line)'),
  }).nullable().describe('for a notification delivery attempt about the assignment (Notification* events): to whom, through which channel, and what came of it; null for the assignment\'s own events'),
});

export const reviewStepSchema = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  role: z.enum(['reviewer', 'receiver']).describe('reviewers in order, then the office the work is submitted to'),
  state: z.enum(['pending', 'current', 'passed']),
});

export const assignmentDetailResponse = z.object({
  assignmentId: z.string(),
  ref: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  measureId: z.string(),
  measureTitle: z.string(),
  measureKind: z.string().nullable().describe('task, report, meeting, inspection, assessment; deliverable for a phase deliverable'),
  description: z.string().nullable().describe("the measure's description in the plan definition"),
  sourceText: z.object({
    text: z.string(),
    from: z.enum(['source', 'description']).describe('source: the plan document\'s own sentence as the definition quotes it; description: the measure\'s description, the definition quoting no sentence'),
  }).nullable(),
  phaseId: z.string().nullable(),
  periodKey: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  responsibility: z.string(),
  status: assignmentStatus,
  issuedAt: instant,
  dueAt: instant,
  overdue: z.boolean(),
  overdueSince: instant.nullable(),
  escalationLevel: z.number().int(),
  requiredCount: z.number().int(),
  progressCount: z.number().int(),
  submittedAt: instant.nullable(),
  acceptedAt: instant.nullable(),
  reports: z.object({
    targetId: z.string(), unitId: z.string().nullable(), period: z.string(), metric: z.string(),
    kind: z.enum(['threshold', 'pass-fail', 'grade', 'ratio', 'cumulative', 'rising', 'held']), unit: z.string(), levels: z.array(z.string()).optional(),
  }).nullable().optional().describe('a reporting assignment (ADR 0023): the target and period whose value its submission carries (submit with `value`)'),
  reviewChain: z.object({
    steps: z.array(reviewStepSchema),
    currentStep: z.number().int().nullable().describe('index into steps of the department holding a submission now; null unless submitted'),
  }),
  history: z.array(historyItemSchema).describe('every event of the assignment and every notification delivery attempt about it, in record order'),
  attachments: z.array(attachmentSchema.extend({ addedAt: instant, addedBy: z.string(), eventType: z.string() })).describe('every document submitted or reported, oldest first'),
  allowedActions,
  asOf: z.object({
    instant: instant,
    basis: z.enum(['recorded', 'business']),
    requested: z.string(),
  }).optional().describe('present when asked with asOf: the assignment replayed from its events up to that moment (no actions are open then)'),
  role: roleHoldersSchema.extend({ roleName: z.string().describe('the role as the plan names it, e.g. 班主任') }).nullable().optional(),
});
export type AssignmentDetailResponse = z.output<typeof assignmentDetailResponse>;
export type AttachmentResponse = z.output<typeof attachmentSchema>;
