import type { z } from 'zod';
import * as people from '../auth/people-schemas';
import * as session from '../auth/session-schemas';
import * as s from './request-schemas';
import * as audit from '../audit/audit-request-schemas';
import * as auditEvents from '../audit/event-log/event-log-schemas';
import * as auditExport from '../audit/export/export-schemas';
import * as work from '../assignments/assignment-response-schemas';
import * as notify from '../notifications/notification-schemas';
import * as files from '../files/file-schemas';
import * as lists from '../read-models/plan-list-schemas';
import * as preview from '../plans/preview/preview-schemas';
import * as progress from '../progress/progress-schemas';
import * as bulletins from '../bulletins/bulletin-schemas';
import * as inspections from '../inspections/inspection-schemas';
import * as assessment from '../bulletins/assessment-schemas';

/** How a route takes its body: JSON checked by a schema, or a plan definition (YAML, JSON, or an envelope). */
export type BodySpec =
  | { kind: 'json'; schema: z.ZodType; optional?: boolean }
  | { kind: 'plan-definition' }
  /** multipart/form-data: files in parts named `part`, streamed by the handler (never buffered whole). */
  | { kind: 'multipart'; part: string; description: string };

export interface RouteSpec {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI form (`/plans/{id}`); the Nest route is derived from it. */
  path: string;
  summary: string;
  tag: 'plans' | 'assignments' | 'departments' | 'history' | 'operations' | 'admin' | 'session' | 'files' | 'notifications';
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: BodySpec;
  /** Status of a successful answer, and what it holds. */
  status: number;
  response: string;
  /** The answer's shape; when given, the OpenAPI document types it (the web app's client is generated from it). */
  responseSchema?: z.ZodType;
  produces?: 'application/json' | 'text/plain' | 'text/html' | 'text/calendar' | 'application/octet-stream' | typeof XLSX;
  /** Error statuses this route can answer with (besides 500). */
  errors: number[];
}

/** Excel workbooks (exports made on the server). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const action = <A extends s.AssignmentAction>(name: A, summary: string) =>
  ({
    method: 'post',
    path: `/assignments/{id}/${name}`,
    summary,
    tag: 'assignments',
    params: s.assignmentParams,
    query: s.assignmentQuery,
    headers: s.commandHeadersSchema,
    body: { kind: 'json', schema: s.assignmentActionBodies[name], optional: true },
    status: 200,
    response: 'the assignment after the action: status, department, due date, and the events recorded',
    errors: [400, 404, 409],
  }) as const satisfies RouteSpec;

/**
 * Every HTTP route of the api, in one place. Controllers bind to an entry with @Route(id); the
 * OpenAPI document is generated from this table; a test fails when the app registers a route that
 * is not listed here.
 */
export const routeTable = {
  importPlan: {
    method: 'post', path: '/plans', tag: 'plans',
    summary: 'Import a plan definition as a draft (or revise the draft of the same id)',
    query: s.importPlanQuery, headers: s.commandHeadersSchema, body: { kind: 'plan-definition' },
    status: 201, response: 'the draft: plan id, status, numbers of obligations and phases, and the checker\'s `warnings`', errors: [400, 409, 413], responseSchema: preview.importedPlanAnswer,
  },
  previewPlan: {
    method: 'post', path: '/plans/preview', tag: 'plans',
    summary: 'Check a plan definition and simulate it, storing nothing: the preview before an import',
    query: s.importPlanQuery, body: { kind: 'plan-definition' }, status: 200, responseSchema: preview.planPreviewAnswer,
    response: 'the checker\'s `warnings`; phases with their dates, assignments per department, the first deadlines, the busiest weeks, from a simulated run; a bad definition gets the 400 `invalid_plan` POST /plans would answer (every problem with file, line, column and path)',
    errors: [400, 413, 503],
  },
  previewAmendment: {
    method: 'post', path: '/plans/{id}/amendments/preview', tag: 'plans',
    summary: 'Check a new version of a published plan and decide the amendment without applying it: its effects, per department',
    params: s.planParams, query: s.previewAmendmentQuery, body: { kind: 'plan-definition' }, status: 200, responseSchema: preview.amendmentPreviewAnswer,
    response: 'phases moved, cancelled, closed or added; per department the assignments cancelled, re-dated, added or dropped; targets added, removed or changed and the statuses judged again; the same 400/404/409 as POST /plans/{id}/amendments, and nothing stored',
    errors: [400, 404, 409, 413, 503],
  },
  publishPlan: {
    method: 'post', path: '/plans/{id}/publish', tag: 'plans', summary: 'Publish a draft: from now on the engine runs it',
    params: s.planParams, query: s.publishPlanQuery, headers: s.commandHeadersSchema, status: 200,
    response: 'the published plan; 409 `past_due_confirmation_required` with the count when work would already be past due', errors: [404, 409],
  },
  amendPlan: {
    method: 'post', path: '/plans/{id}/amendments', tag: 'plans',
    summary: 'Amend a published plan with a revised definition and a reason',
    params: s.planParams, query: s.amendPlanQuery, headers: s.commandHeadersSchema, body: { kind: 'plan-definition' },
    status: 200, response: 'the amendment number, what it changes (`changes.targets`: targets added, removed, changed), the target statuses judged again under the new terms (`targetStatuses`), and the checker\'s `warnings` (file, line, column, path, code, message each)', errors: [400, 404, 409, 413],
  },
  closePlan: {
    method: 'post', path: '/plans/{id}/close', tag: 'plans', summary: 'Close a published plan (repealed or completed)',
    params: s.planParams, headers: s.commandHeadersSchema, body: { kind: 'json', schema: s.closePlanBody },
    status: 200, response: 'the closed plan', errors: [400, 404, 409],
  },
  recordOutsideEvent: {
    method: 'post', path: '/plans/{id}/events', tag: 'plans', summary: 'Record the date of an outside event the plan names (a visit, a notice, an exam, an inspection); the work hanging on it is issued',
    params: s.planParams, headers: s.commandHeadersSchema, body: { kind: 'json', schema: s.recordOutsideEventBody },
    status: 200, response: 'the occurrence recorded', errors: [400, 404, 409], responseSchema: s.outsideEventAnswer,
  },
  closePhase: {
    method: 'post', path: '/plans/{id}/phases/{phaseId}/close', tag: 'plans',
    summary: 'Close an open phase now (…完成后进入下一阶段): the undated phases after it open and their work is issued (ADR 0019)',
    params: s.phaseParams, headers: s.commandHeadersSchema, body: { kind: 'json', schema: s.closePhaseBody, optional: true },
    status: 200, response: 'the closed phase and the phases that open after it; 409 when the phase is not open (not yet opened, waiting for the phase before it, already closed)',
    errors: [400, 404, 409], responseSchema: s.closedPhaseAnswer,
  },
  assignRoster: {
    method: 'post', path: '/plans/{id}/roster', tag: 'plans',
    summary: 'Name who holds roles at units (班主任 of a class, 骨干教师 at a school) from now on: a roster, recorded as RosterAssigned',
    params: s.planParams, headers: s.commandHeadersSchema, body: { kind: 'json', schema: s.assignRosterBody },
    status: 200, response: 'how many role@unit entries were recorded, and the roster now', errors: [400, 404, 409], responseSchema: s.assignRosterAnswer,
  },
  planRoster: {
    method: 'get', path: '/plans/{id}/roster', tag: 'plans', summary: 'Who holds each role at each unit, now or as of an instant',
    params: s.planParams, query: s.planRosterQuery, status: 200, response: 'role@unit with the people holding it then', errors: [400, 404], responseSchema: s.planRosterAnswer,
  },
  recordMeasurement: {
    method: 'post', path: '/plans/{id}/measurements', tag: 'plans', summary: "Record a target's value for a period (a unit's, or the plan's); its status follows by the documented rule (ADR 0023)",
    params: s.planParams, headers: s.commandHeadersSchema, body: { kind: 'json', schema: s.recordMeasurementBody },
    status: 200, response: 'the value recorded and the status it gives', errors: [400, 404, 409], responseSchema: s.measurementAnswer,
  },
  recordInspection: {
    method: 'post', path: '/plans/{id}/inspections', tag: 'plans', summary: 'Record an inspection (督查) that took place: one the plan names, or an unannounced one with its inspecting unit and units (ADR 0024)',
    params: s.planParams, headers: s.commandHeadersSchema, body: { kind: 'json', schema: inspections.recordInspectionBody },
    status: 200, response: 'the inspection recorded', errors: [400, 404, 409], responseSchema: inspections.inspectionAnswer,
  },
  recordFinding: {
    method: 'post', path: '/plans/{id}/inspections/{inspectionId}/findings', tag: 'plans',
    summary: 'Record a finding (问题) of an inspection for one inspected unit; its rectification (整改) is issued to that unit, reviewed by the inspecting unit (planners, or the inspecting unit)',
    params: inspections.inspectionParams, headers: s.commandHeadersSchema, body: { kind: 'json', schema: inspections.recordFindingBody },
    status: 200, response: 'the finding recorded: its id, rectification assignment, deadline and the finding it repeats', errors: [400, 403, 404, 409], responseSchema: inspections.findingAnswer,
  },
  listFindings: {
    method: 'get', path: '/plans/{id}/findings', tag: 'plans',
    summary: "A plan's inspection findings with their rectification's state, per unit, repeated ones marked (now, or replayed as of a date); department people see their own unit's",
    params: s.planParams, query: inspections.listFindingsQuery, status: 200, response: '`findings` (in the order recorded), `byUnit` counts, `asOf` (null for now)', errors: [400, 404],
    responseSchema: inspections.findingsAnswer,
  },
  listPlans: {
    method: 'get', path: '/plans', tag: 'plans', summary: 'Plans with their progress',
    query: s.listPlansQuery, status: 200, response: 'plans, newest first, with assignment counts by status', errors: [400], responseSchema: lists.planListAnswer,
  },
  getPlan: {
    method: 'get', path: '/plans/{id}', tag: 'plans',
    summary: 'One plan with a page of its assignments, filtered by status, department, phase, measure or overdue (now, or replayed as of a date)',
    params: s.planParams, query: s.planAssignmentsQuery.extend(audit.planAsOfQuery.shape), status: 200,
    response: 'the plan summary (plan, phases, byDepartment), `assignments` (one page, by due date then id) and `page` (`limit`, `nextCursor`: null on the last page); with asOf also `asOf` (instant, basis, events replayed), and the view is recorded in the audit trail; with asOf and department, only that department\'s work is replayed and every count is of its work (`asOf.departmentId`, ADR 0012); `outsideEvents`: the events the plan names under `events:`, waiting or recorded with each occurrence (with asOf, as known then; ADR 0020)', errors: [400, 404],
    responseSchema: lists.planPageAnswer,
  },
  planSummary: {
    method: 'get', path: '/plans/{id}/summary', tag: 'plans',
    summary: 'One plan for an overview: its phases and progress counts overall, per phase and per department, no assignment list (now, or replayed as of a date)',
    params: s.planParams, query: audit.planAsOfQuery, status: 200,
    response: '`plan` (with `progress`), `phases` (each with `progress`), `byDepartment`; with asOf also `asOf`, and the view is recorded in the audit trail', errors: [400, 404],
    responseSchema: lists.planSummaryAnswer,
  },
  planTimeline: {
    method: 'get', path: '/plans/{id}/timeline', tag: 'plans', summary: 'What has happened lately and what is scheduled next',
    params: s.planParams, query: s.timelineQuery, status: 200, response: 'recent events (newest first) and upcoming timers (soonest first)', errors: [400, 404],
  },
  planHistory: {
    method: 'get', path: '/plans/{id}/history', tag: 'history', summary: 'Every event of the plan and its phases, with actor and business time',
    params: s.planParams, status: 200, response: 'the events in the order they were recorded', errors: [400, 404],
  },
  listDepartments: {
    method: 'get', path: '/departments', tag: 'departments', summary: 'The departments the plans name: ids for inboxes, reassignments and the simulator',
    query: s.departmentsQuery, status: 200, response: 'departments by id with name, kind, parent and the plans that name them', errors: [400], responseSchema: lists.departmentListAnswer,
  },
  departmentInbox: {
    method: 'get', path: '/departments/{id}/inbox', tag: 'departments', summary: "A department's open assignments: overdue first, then by deadline",
    params: s.departmentParams, query: s.inboxQuery, status: 200, response: 'open assignments', errors: [400],
  },
  overdueList: {
    method: 'get', path: '/overdue', tag: 'departments', summary: 'Overdue assignments across plans (or of one plan)',
    query: s.overdueQuery, status: 200, response: 'overdue assignments, longest overdue first', errors: [400],
  },
  progressPlans: {
    method: 'get', path: '/progress/plans', tag: 'plans',
    summary: 'The plans list of the planners\' pages: status, current phase, work by state (accepted, on time, due soon, overdue, escalated, not issued) and escalations',
    query: progress.progressPlansQuery, status: 200, responseSchema: progress.progressPlansAnswer,
    response: '{now, states, total, offset, limit, plans}: newest start first; states judged at business time', errors: [400],
  },
  progressTimeline: {
    method: 'get', path: '/progress/plans/{id}/timeline', tag: 'plans',
    summary: 'A plan\'s timeline: phases as bars, deadlines aggregated to one mark per (day, measure) with its counts',
    params: progress.progressPlanParams, status: 200, responseSchema: progress.progressTimelineAnswer,
    response: '{phases, measures, days, marks}; a county plan\'s hundred thousand deadlines come as a few thousand marks', errors: [400, 404],
  },
  progressMatrix: {
    method: 'get', path: '/progress/plans/{id}/matrix', tag: 'plans',
    summary: 'A plan\'s progress matrix: departments × measures (or × phases), each cell\'s work counted by state; one page of departments, most overdue first',
    params: progress.progressPlanParams, query: progress.progressMatrixQuery, status: 200, responseSchema: progress.progressMatrixAnswer,
    response: '{columns (with totals), totalRows, rows: [{departmentId, name, totals, cells}]}', errors: [400, 404],
  },
  progressCell: {
    method: 'get', path: '/progress/plans/{id}/cell', tag: 'plans',
    summary: 'The work behind one matrix cell (a department and a measure or phase), optionally of one state, page by page',
    params: progress.progressPlanParams, query: progress.progressCellQuery, status: 200, responseSchema: progress.progressCellAnswer,
    response: '{total, items (by due date then id), page}', errors: [400, 404],
  },
  progressCharts: {
    method: 'get', path: '/progress/plans/{id}/charts', tag: 'plans',
    summary: 'Chart data: share of each phase\'s work accepted and due per week, and the departments with most overdue work',
    params: progress.progressPlanParams, status: 200, responseSchema: progress.progressChartsAnswer,
    response: '{weeks, phases: [{accepted, due}], overdueByDepartment}', errors: [400, 404],
  },
  progressOverdue: {
    method: 'get', path: '/progress/overdue', tag: 'departments',
    summary: 'Overdue and escalated work across plans, with escalation level and receiver; filtered by plan, department, level; a department person sees their reach only',
    query: progress.progressOverdueQuery, status: 200, responseSchema: progress.progressOverdueAnswer,
    response: '{now, total, items (oldest deadline first), page}', errors: [400],
  },
  progressOverdueExport: {
    method: 'get', path: '/progress/overdue/export', tag: 'departments',
    summary: 'The same overdue work (same filter and scope) as an Excel workbook',
    query: progress.progressOverdueFilter, produces: XLSX, status: 200,
    response: 'an .xlsx file (sheet 逾期 Overdue, and 说明 About with the business time and filter)', errors: [400],
  },
  issueBulletin: {
    method: 'post', path: '/plans/{id}/bulletins', tag: 'plans',
    summary: 'Issue a bulletin (通报) of the plan as of a moment: a Word document laid out as an official document and a workbook with the same tables, recorded as BulletinIssued',
    params: bulletins.bulletinParams, headers: s.commandHeadersSchema, body: { kind: 'json', schema: bulletins.issueBulletinBody },
    status: 201, responseSchema: bulletins.issuedBulletinAnswer,
    response: 'the bulletin: number, title, as-of, period, headline figures, and its two documents (sha256, size, download url); 409 `bulletin_number_taken` when the number was issued before; 400 for an unknown phase or asOf; 404 when the plan had no events by then',
    errors: [400, 404, 409],
  },
  listBulletins: {
    method: 'get', path: '/plans/{id}/bulletins', tag: 'plans', summary: 'The bulletins issued for the plan, oldest first, with their documents',
    params: bulletins.bulletinParams, status: 200, responseSchema: bulletins.bulletinListAnswer, response: '{planId, bulletins}', errors: [400, 404],
  },
  previewBulletin: {
    method: 'get', path: '/plans/{id}/bulletins/preview', tag: 'plans',
    summary: 'What a bulletin as of a moment would say, as JSON, storing nothing: progress overall, by department and phase, the overdue and escalated lists, the ranking, the commendation candidates',
    params: bulletins.bulletinParams, query: bulletins.previewBulletinQuery, status: 200, responseSchema: bulletins.bulletinPreviewAnswer,
    response: 'the bulletin model (plan, period, asOf with the business time figures are judged at, sections); the read is recorded in the audit trail', errors: [400, 404],
  },
  downloadBulletin: {
    method: 'get', path: '/plans/{id}/bulletins/{file}', tag: 'plans',
    summary: 'Download an issued bulletin: `{number}.docx` or `{number}.xlsx` (URL-encoded)',
    params: bulletins.bulletinFileParams, produces: 'application/octet-stream', status: 200,
    response: 'the file (Content-Disposition attachment); the download is recorded (BulletinDownloaded, listed by GET /audit/file-downloads); 404 when no such bulletin was issued',
    errors: [400, 404],
  },
  planAssessment: {
    method: 'get', path: '/plans/{id}/assessment', tag: 'plans',
    summary: 'The plan\'s assessment (考核) as of a moment: its rubric applied to the record, each unit\'s score item by item, ranked, with the commendation proposal',
    params: assessment.assessmentParams, query: assessment.assessmentQuery, status: 200, responseSchema: assessment.assessmentAnswer,
    response: 'the assessment (period, judgedAt, base/floor/cap, units best first with their items, plan-wide targets); 404 when the plan had no events by then or declares no rubric; 400 for an unknown period or asOf',
    errors: [400, 404],
  },
  planAssessmentExport: {
    method: 'get', path: '/plans/{id}/assessment.xlsx', tag: 'plans',
    summary: 'The same assessment as an Excel workbook (说明, 考核排名, 考核明细)',
    params: assessment.assessmentParams, query: assessment.assessmentQuery, produces: XLSX, status: 200,
    response: 'an .xlsx file', errors: [400, 404],
  },
  acknowledgeAssignment: action('acknowledge', 'Acknowledge receipt of an assignment'),
  startAssignment: action('start', 'Start work on an assignment'),
  progressAssignment: action('progress', 'Report progress (a note, a count towards "at least N", attachments)'),
  submitAssignment: action('submit', 'Submit the work for review'),
  returnAssignment: action('return', 'Return submitted work for rework, with a reason'),
  acceptAssignment: action('accept', 'Accept submitted work (passes it on when the review chain has further reviewers)'),
  reassignAssignment: action('reassign', 'Hand the assignment to another department'),
  waiveAssignment: action('waive', 'Waive the assignment, with a reason'),
  uploadAssignmentFiles: {
    method: 'post', path: '/assignments/{id}/files', tag: 'files',
    summary: 'Upload documents for an assignment (PDF, Word, Excel, images; 50 MB each), to be referenced by a submission or progress report',
    params: s.assignmentParams, query: s.assignmentQuery,
    body: { kind: 'multipart', part: 'file', description: files.UPLOAD_DESCRIPTION }, status: 201, responseSchema: files.uploadAnswer,
    response: '{files: [{sha256, name, size, mediaType}]} in the order sent; reference them in `attachments` of submit or progress',
    errors: [400, 404, 413, 415],
  },
  downloadAssignmentFile: {
    method: 'get', path: '/assignments/{id}/files/{sha256}', tag: 'files',
    summary: 'Download a document of an assignment (only one uploaded for it), with its recorded name and media type',
    params: s.assignmentFileParams, query: s.assignmentQuery, produces: 'application/octet-stream', status: 200,
    response: 'the file (Content-Type its media type, Content-Disposition attachment with its name, X-Content-Type-Options: nosniff); 403 outside the caller\'s departments; 404 when no such file was uploaded for this assignment',
    errors: [400, 403, 404, 409],
  },
  assignmentHistory: {
    method: 'get', path: '/assignments/{id}/history', tag: 'history', summary: 'Every event of one assignment, with actor and business time, and every notification delivery attempt about it (channel, recipient, outcome)',
    params: s.assignmentParams, query: s.assignmentQuery, status: 200, response: 'the events in record order (the assignment\'s stream and its notifications-{planId}.{assignmentId} record)', errors: [400, 404],
  },
  auditStream: {
    method: 'get', path: '/audit/streams/{stream}', tag: 'history',
    summary: 'Every event of one stream as stored: type, revision, actor, business and recorded time, schema version, data, hash links',
    params: audit.streamParams, status: 200,
    response: 'the events in revision order (the view is recorded in the audit trail)', errors: [400, 404],
  },
  departmentHistory: {
    method: 'get', path: '/departments/{id}/history', tag: 'history',
    summary: "Every event about the department's assignments across plans, while it held them",
    params: s.departmentParams, status: 200,
    response: 'the events, newest last by business time, with plan, assignment, holder and actor', errors: [400],
  },
  auditVerify: {
    method: 'post', path: '/audit/verify', tag: 'history',
    summary: "Walk every stream's hash chain, and hash again every uploaded file an event references: the heads digest to write down, any broken link, any missing or damaged file",
    status: 200,
    response: '{intact, headsDigest, streamsChecked, eventsChecked, brokenLinks: [{stream, revision, expected, found}], filesChecked, damagedFiles: [{stream, revision, sha256, name, problem: missing | damaged, found?}]}', errors: [], responseSchema: audit.verifyAnswer,
  },
  health: {
    method: 'get', path: '/health', tag: 'operations', summary: 'Store and Redis reachable?',
    status: 200, response: '{status, store, redis}; 503 with the same body when either is down', errors: [503],
  },
  metrics: {
    method: 'get', path: '/metrics', tag: 'operations', summary: 'Prometheus metrics', produces: 'text/plain',
    status: 200, response: 'Prometheus text exposition format', errors: [],
  },
  getClock: {
    method: 'get', path: '/admin/clock', tag: 'admin', summary: 'Business time now, and whether it is virtual',
    status: 200, response: '{now, virtual}', errors: [], responseSchema: people.clockAnswer,
  },
  setClock: {
    method: 'post', path: '/admin/clock', tag: 'admin',
    summary: 'Set or advance the virtual clock, firing every timer due up to the new time (only with --virtual-clock)',
    body: { kind: 'json', schema: s.setClockBody }, status: 200, response: '{now, steps, fired}', errors: [400, 404], responseSchema: people.clockAdvancedAnswer,
  },
  registerPerson: {
    method: 'post', path: '/admin/people', tag: 'admin', summary: 'Register a person with roles and departments, and issue their token',
    body: { kind: 'json', schema: people.registerPersonBody }, status: 201,
    response: '{person, token, expiresAt, invitationUrl, invitationExpiresAt} (no token under an external OIDC issuer)', errors: [400, 409, 503],
    responseSchema: session.registerPersonAnswer,
  },
  listPeople: {
    method: 'get', path: '/admin/people', tag: 'admin', summary: 'Everyone registered, revoked people included', status: 200, response: '{people}', errors: [], responseSchema: people.peopleListAnswer,
  },
  revokePerson: {
    method: 'post', path: '/admin/people/{id}/revoke', tag: 'admin', summary: "Revoke a person: every token of theirs stops working at once",
    params: people.personParams, body: { kind: 'json', schema: people.revokePersonBody, optional: true }, status: 200, response: 'the person, with revokedAt', errors: [400, 404], responseSchema: session.personAnswer,
  },
  invitePerson: {
    method: 'post', path: '/admin/people/{id}/invitations', tag: 'admin', summary: 'A new one-time invitation link (7 days) where the person sets a password',
    params: people.personParams, status: 201, response: '{personId, invitationUrl, expiresAt}', errors: [404, 409],
    responseSchema: session.invitationIssuedAnswer,
  },
  signIn: {
    method: 'post', path: '/session', tag: 'session', summary: 'Sign in with login (person id) and password: sets the planledger_session cookie',
    body: { kind: 'json', schema: session.signInBody }, status: 200,
    response: '{person, expiresAt} and Set-Cookie; 401 `sign_in_failed`; 423 `account_locked` {lockedUntil} after 5 failures (15 minutes)', errors: [400, 401, 403, 423],
    responseSchema: session.sessionAnswer,
  },
  currentSession: {
    method: 'get', path: '/session', tag: 'session', summary: 'Who is signed in (the session cookie, or a bearer token)',
    status: 200, response: '{person, expiresAt}', errors: [], responseSchema: session.sessionAnswer,
  },
  signOut: {
    method: 'delete', path: '/session', tag: 'session', summary: 'Sign out: the session ends on the server and the cookie is cleared',
    status: 204, response: 'nothing', errors: [],
  },
  changePassword: {
    method: 'post', path: '/session/password', tag: 'session', summary: "Change one's own password (the current one is required); the person's other sessions end",
    body: { kind: 'json', schema: session.changePasswordBody }, status: 204,
    response: 'nothing; 400 `weak_password` {problem}; 403 `wrong_password`', errors: [400],
  },
  viewInvitation: {
    method: 'get', path: '/invitations/{token}', tag: 'session', summary: 'Whom an invitation link is for',
    params: session.invitationParams, status: 200, response: '{name, login, expiresAt}; 404 unknown; 410 `invitation_used` / `invitation_expired` / `invitation_revoked`',
    errors: [400, 404, 410], responseSchema: session.invitationAnswer,
  },
  acceptInvitation: {
    method: 'post', path: '/invitations/{token}', tag: 'session', summary: 'Set the first password through an invitation link, and sign in',
    params: session.invitationParams, body: { kind: 'json', schema: session.acceptInvitationBody }, status: 200,
    response: '{person, expiresAt} and Set-Cookie; 400 `weak_password`; 404; 410', errors: [400, 403, 404, 410], responseSchema: session.sessionAnswer,
  },
  auditEvents: {
    method: 'get', path: '/audit/events', tag: 'history',
    summary: 'The event log: every stored event, newest recorded first, filtered by plan, department, assignment, type, person and recorded time, a page at a time',
    query: auditEvents.eventLogQuery, status: 200, responseSchema: auditEvents.eventLogAnswer,
    response: '{events, page: {limit, nextCursor}}; each event with actor, business and recorded time, schema version and hash (the view is recorded in the audit trail); 501 on KurrentDB', errors: [400, 501],
  },
  auditPlanExport: {
    method: 'get', path: '/audit/plans/{id}/export', tag: 'history',
    summary: 'The plan as of a moment and every event of its streams up to then, as `planledger audit export` writes it: xlsx (three sheets), json, or csv (part=assignments or part=events)',
    params: s.planParams, query: auditExport.planExportQuery, produces: 'application/octet-stream', status: 200,
    response: 'the file (Content-Disposition attachment, named `{plan}-as-of-{date}.{format}`); the export is recorded in the audit trail (AuditExported)', errors: [400, 404],
  },
  signInAuditExport: {
    method: 'get', path: '/audit/sign-ins/export', tag: 'history', summary: 'The sign-in records of GET /audit/sign-ins as a download: xlsx or csv',
    query: session.signInExportQuery, produces: 'application/octet-stream', status: 200,
    response: 'the file (Content-Disposition attachment), oldest first; the export is recorded in the audit trail (AuditExported)', errors: [400],
  },
  signInAudit: {
    method: 'get', path: '/audit/sign-ins', tag: 'history', summary: 'Sign-ins, sign-outs, failed sign-ins, lockouts, invitations and password changes, with time, person and client address',
    query: session.signInAuditQuery, status: 200, response: '{from, to, entries} oldest first', errors: [400], responseSchema: session.signInAuditAnswer,
  },
  sweepUnreferencedFiles: {
    method: 'post', path: '/admin/files/sweep', tag: 'files',
    summary: 'Remove uploads that no submission or progress report references after N days (and left-overs of interrupted uploads); a dry run unless dryRun is false',
    body: { kind: 'json', schema: files.sweepFilesBody }, status: 200, responseSchema: files.sweepFilesAnswer,
    response: 'what was (or would be) removed: upload records, contents, bytes, partial uploads', errors: [400],
  },
  fileDownloadAudit: {
    method: 'get', path: '/audit/file-downloads', tag: 'history', summary: 'Who downloaded which handed-in document, when and from where (also damaged files that were refused)',
    query: files.fileDownloadAuditQuery, status: 200, response: '{from, to, entries} oldest first', errors: [400], responseSchema: files.fileDownloadAuditAnswer,
  },
  createNotificationChannel: {
    method: 'post', path: '/admin/notification-channels', tag: 'notifications',
    summary: 'Set up a channel for a department (or one of its people): WeCom or DingTalk group robot, e-mail, Standard Webhooks; immediate or a daily 每日待办汇总',
    body: { kind: 'json', schema: notify.createChannelBody }, status: 201, responseSchema: notify.channelAnswer,
    response: 'the channel without its secrets (they are sealed at rest and never answered)', errors: [400, 503],
  },
  listNotificationChannels: {
    method: 'get', path: '/admin/notification-channels', tag: 'notifications', summary: 'Every notification channel (no secrets)',
    query: notify.listChannelsQuery, status: 200, responseSchema: notify.channelListAnswer, response: '{channels}', errors: [400],
  },
  disableNotificationChannel: {
    method: 'post', path: '/admin/notification-channels/{id}/disable', tag: 'notifications', summary: 'Stop a channel: no new notifications; waiting ones are given up',
    params: notify.channelParams, status: 200, responseSchema: notify.channelAnswer, response: 'the channel, disabled', errors: [400, 404],
  },
  notificationOutbox: {
    method: 'get', path: '/admin/notifications/outbox', tag: 'notifications',
    summary: 'The outbox viewer: what was sent, waits, failed or (virtual clock, demo) would have been sent, rendered as the recipient reads it',
    query: notify.outboxQuery, status: 200, responseSchema: notify.outboxAnswer, response: '{items}, newest event first', errors: [400],
  },
  notificationDeadLetters: {
    method: 'get', path: '/admin/notifications/dead-letters', tag: 'notifications', summary: 'Notifications given up after their attempts (or refused for good by the channel)',
    status: 200, responseSchema: notify.outboxAnswer, response: '{items}', errors: [],
  },
  retryNotification: {
    method: 'post', path: '/admin/notifications/{id}/retry', tag: 'notifications', summary: 'Send a dead notification again (the attempt limit counts afresh); recorded as NotificationRetryRequested',
    params: notify.outboxParams, status: 200, responseSchema: notify.outboxItemSchema, response: 'the notification, waiting again', errors: [400, 404, 409],
  },
  departmentNotifications: {
    method: 'get', path: '/departments/{id}/notifications', tag: 'notifications',
    summary: 'What was sent to a department about an assignment: each notification, each attempt and its outcome',
    params: s.departmentParams, query: notify.sentQuery, status: 200, responseSchema: notify.sentAnswer, response: '{notifications, attempts}', errors: [400, 404],
  },
  createCalendarFeed: {
    method: 'post', path: '/admin/calendar-feeds', tag: 'notifications',
    summary: 'An iCalendar feed of open deadlines for a department or a person, at a secret address (Outlook, WeCom, phone calendars)',
    body: { kind: 'json', schema: notify.createFeedBody }, status: 201, responseSchema: notify.createdFeedAnswer,
    response: 'the feed and its secret address, shown only now', errors: [400],
  },
  revokeCalendarFeed: {
    method: 'post', path: '/admin/calendar-feeds/{id}/revoke', tag: 'notifications', summary: 'Revoke a calendar feed: its address answers 404 from now on',
    params: notify.feedParams, status: 200, responseSchema: notify.feedAnswer, response: 'the feed, with revokedAt', errors: [400, 404],
  },
  calendarFeed: {
    method: 'get', path: '/calendar/{token}', tag: 'notifications', summary: 'The iCalendar feed at a secret address: every open deadline, with alarms per the plan\'s reminders',
    params: notify.feedTokenParams, produces: 'text/calendar', status: 200, response: 'text/calendar (RFC 5545)', errors: [404],
  },
  openApiDocument: {
    method: 'get', path: '/openapi.json', tag: 'operations', summary: 'This OpenAPI 3.1 document', status: 200, response: 'OpenAPI 3.1', errors: [],
  },
  docsPage: {
    method: 'get', path: '/docs', tag: 'operations', summary: 'Browsable API documentation (Swagger UI)', produces: 'text/html',
    status: 200, response: 'HTML page', errors: [],
  },
  myInbox: {
    method: 'get', path: '/me/inbox', tag: 'assignments',
    summary: "The caller's work across plans and every department in their reach: overdue, due within 7 days, awaiting their review, in progress, recently done",
    query: s.myInboxQuery, status: 200, responseSchema: work.myInboxResponse,
    response: '{now, groups: {overdue, dueWithin7Days, awaitingMyReview, inProgress, done}, counts}; each item with plan, measure, department, deadline, status, escalation and the actions open to the caller', errors: [400],
  },
  assignmentDetail: {
    method: 'get', path: '/assignments/{id}', tag: 'assignments',
    summary: 'One assignment: what is asked (measure, description, the plan document\'s sentence), deadline, review chain, history, documents, the actions open to the caller (now, or replayed as of a date from its own streams)',
    params: s.assignmentParams, query: s.assignmentQuery.extend(audit.planAsOfQuery.shape), status: 200, responseSchema: work.assignmentDetailResponse,
    response: 'the assignment page; 403 outside the caller\'s departments (holder or review chain); with asOf, as it stood then (its own streams replayed up to the instant, `asOf` set, no actions open; the view is recorded in the audit trail), 404 if not yet issued then', errors: [400, 403, 404, 409],
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteTable = typeof routeTable;
export type OperationId = keyof RouteTable;

export const routeEntries = (): [OperationId, RouteSpec][] => Object.entries(routeTable) as [OperationId, RouteSpec][];

/** `/plans/{id}/publish` → `/plans/:id/publish` (Nest / Express form). */
export const expressPath = (openApiPath: string): string => openApiPath.replace(/\{(\w+)\}/g, ':$1');
