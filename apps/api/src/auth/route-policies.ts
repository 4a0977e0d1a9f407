import type { Role } from '@planledger/auth';
import type { OperationId } from '../routes/route-table';

/**
 * How a department person's reach is checked (planners, auditors and admins are not scoped):
 * - `department`: the route's `{id}` is a department they belong to, or one under it;
 * - `assignment-holder`: the assignment's current department is theirs (or under theirs);
 * - `assignment-reviewer`: the department reviewing it now (its review chain at its step) is theirs;
 * - `assignment-giver`: as holder; used with heads only (a reassignment gives the work away).
 * - `assignment-party`: the holder, or any department of its review chain (who may see the work and its files).
 */
export type DepartmentScope = 'department' | 'assignment-holder' | 'assignment-reviewer' | 'assignment-giver' | 'assignment-party';
export type DepartmentRole = Extract<Role, 'department_head' | 'department_member'>;

export type RoutePolicy =
  | { access: 'public' }
  /** Anyone signed in (cookie or token), whatever their roles: their own session and password. */
  | { access: 'person' }
  | {
      access: 'token';
      /** Writes are what an auditor may never do, whatever else changes in this table. */
      kind: 'read' | 'write';
      /** Roles allowed whatever the department. */
      anyDepartment: Role[];
      /** Department roles allowed within their own departments' reach. */
      ownDepartment?: { roles: DepartmentRole[]; scope: DepartmentScope };
    };

const PUBLIC: RoutePolicy = { access: 'public' };
const PERSON: RoutePolicy = { access: 'person' };
const read = (anyDepartment: Role[], ownDepartment?: { roles: DepartmentRole[]; scope: DepartmentScope }): RoutePolicy => ({ access: 'token', kind: 'read', anyDepartment, ownDepartment });
const write = (anyDepartment: Role[], ownDepartment?: { roles: DepartmentRole[]; scope: DepartmentScope }): RoutePolicy => ({ access: 'token', kind: 'write', anyDepartment, ownDepartment });

const DEPARTMENT_PEOPLE: DepartmentRole[] = ['department_head', 'department_member'];
/** Whole plans show every department's work: the bureau's planners and auditors read them. */
const WHOLE_PLAN_READ = read(['planner', 'auditor']);
/** The planners' watching pages: every department's work, for the bureau's planners, auditors and admins. */
const BUREAU_READ = read(['planner', 'auditor', 'admin']);
/** Plans change only through planners; admins cannot rewrite history, auditors never write. */
const PLAN_WRITE = write(['planner']);
/** The holding department's own steps on its work. */
const HOLDER_ACTION = write([], { roles: DEPARTMENT_PEOPLE, scope: 'assignment-holder' });
/** The reviewing department (or the bureau's planners, the usual final receiver) judges a submission. */
const REVIEW_ACTION = write(['planner'], { roles: DEPARTMENT_PEOPLE, scope: 'assignment-reviewer' });

/**
 * Who may call each route: the one table the authorization guard reads. A route of the route
 * table without an entry here does not compile, and the route × role test fails for a route
 * the app registers without one.
 */
export const routePolicies: Record<OperationId, RoutePolicy> = {
  importPlan: PLAN_WRITE,
  publishPlan: PLAN_WRITE,
  // Dry runs: they read the record (is the id taken, what would the amendment touch) and write nothing.
  previewPlan: read(['planner', 'admin']),
  previewAmendment: read(['planner', 'admin']),
  amendPlan: PLAN_WRITE,
  closePlan: PLAN_WRITE,
  recordOutsideEvent: PLAN_WRITE,
  closePhase: PLAN_WRITE,
  assignRoster: PLAN_WRITE,
  planRoster: WHOLE_PLAN_READ,
  recordMeasurement: PLAN_WRITE,
  recordInspection: PLAN_WRITE,
  // The inspecting unit records its findings too: the handler checks the department is the inspection's.
  recordFinding: write(['planner', 'department_head', 'department_member']),
  // Department people see the findings about (or by) their own unit: the handler filters.
  listFindings: read(['planner', 'auditor', 'admin', 'department_head', 'department_member']),
  // The list shows titles and progress counts only: the people who work on plans may see which run.
  listPlans: read(['planner', 'auditor', 'department_head', 'department_member']),
  getPlan: WHOLE_PLAN_READ,
  planSummary: WHOLE_PLAN_READ,
  planTimeline: WHOLE_PLAN_READ,
  planHistory: WHOLE_PLAN_READ,
  overdueList: WHOLE_PLAN_READ,
  // The planners' pages (issue 14): whole plans for the bureau (admins answer for the service too);
  // department people get 403 there, and on the overdue list see only their reach (the handler scopes it).
  progressPlans: BUREAU_READ,
  progressTimeline: BUREAU_READ,
  progressMatrix: BUREAU_READ,
  progressCell: BUREAU_READ,
  progressCharts: BUREAU_READ,
  progressOverdue: read(['planner', 'auditor', 'admin', 'department_head', 'department_member']),
  progressOverdueExport: read(['planner', 'auditor', 'admin', 'department_head', 'department_member']),
  // Ids and names only, like the plan list: everyone who works on plans needs them.
  listDepartments: read(['planner', 'auditor', 'department_head', 'department_member']),
  departmentInbox: read(['planner', 'auditor'], { roles: DEPARTMENT_PEOPLE, scope: 'department' }),
  assignmentHistory: read(['planner', 'auditor'], { roles: DEPARTMENT_PEOPLE, scope: 'assignment-holder' }),
  // Bulletins (ADR 0017): the bureau's planners issue them; planners and auditors read them. Department people get 403.
  issueBulletin: PLAN_WRITE,
  listBulletins: WHOLE_PLAN_READ,
  previewBulletin: WHOLE_PLAN_READ,
  downloadBulletin: WHOLE_PLAN_READ,
  // Assessment (ADR 0025): a ranking of every unit, read as bulletins are.
  planAssessment: WHOLE_PLAN_READ,
  planAssessmentExport: WHOLE_PLAN_READ,
  acknowledgeAssignment: HOLDER_ACTION,
  startAssignment: HOLDER_ACTION,
  progressAssignment: HOLDER_ACTION,
  submitAssignment: HOLDER_ACTION,
  returnAssignment: REVIEW_ACTION,
  acceptAssignment: REVIEW_ACTION,
  reassignAssignment: write(['planner'], { roles: ['department_head'], scope: 'assignment-giver' }),
  // Waiving drops a duty from the plan: the bureau's decision, not the department's.
  waiveAssignment: PLAN_WRITE,
  health: PUBLIC,
  metrics: PUBLIC,
  openApiDocument: PUBLIC,
  docsPage: PUBLIC,
  getClock: read(['planner', 'auditor', 'admin', 'department_head', 'department_member']),
  setClock: write(['admin']),
  registerPerson: write(['admin']),
  listPeople: read(['admin']),
  revokePerson: write(['admin']),
  auditStream: read(['planner', 'auditor']),
  // The whole record, every plan and person: the bureau's auditors and planners, as the per-stream route.
  auditEvents: read(['planner', 'auditor']),
  auditPlanExport: read(['planner', 'auditor']),
  // A POST, but it only reads: it recomputes hashes and changes nothing.
  auditVerify: read(['planner', 'auditor']),
  departmentHistory: read(['planner', 'auditor'], { roles: ['department_head'], scope: 'department' }),
  // Everyone's own inbox: the departments they belong to (and those under them) decide what is in it.
  myInbox: read(['planner', 'auditor', 'admin', 'department_head', 'department_member']),
  // The assignment page: its holder and its reviewers (a liaison reviews schools it is not the parent of).
  assignmentDetail: read(['planner', 'auditor'], { roles: DEPARTMENT_PEOPLE, scope: 'assignment-party' }),
  // Files are uploaded by those who hand in the work (as submit and progress), and read by whoever may see the assignment.
  uploadAssignmentFiles: HOLDER_ACTION,
  downloadAssignmentFile: read(['planner', 'auditor'], { roles: DEPARTMENT_PEOPLE, scope: 'assignment-party' }),
  invitePerson: write(['admin']),
  // Signing in and invitation links are how a person gets a session: nobody has one yet.
  signIn: PUBLIC,
  viewInvitation: PUBLIC,
  acceptInvitation: PUBLIC,
  currentSession: PERSON,
  signOut: PERSON,
  changePassword: PERSON,
  // Who signed in from where is personal data: auditors (and admins, who answer for accounts).
  signInAudit: read(['auditor', 'admin']),
  signInAuditExport: read(['auditor', 'admin']),
  // Which person read which document is access to records: auditors, and admins who answer for access.
  fileDownloadAudit: read(['auditor', 'admin']),
  // Unreferenced uploads are not part of the record; removing them is housekeeping, an admin's.
  sweepUnreferencedFiles: write(['admin']),
  // Channels hold the bureau's robots and mailboxes: admins set them up; what was sent is the record.
  createNotificationChannel: write(['admin']),
  listNotificationChannels: read(['admin']),
  disableNotificationChannel: write(['admin']),
  notificationOutbox: read(['admin', 'planner', 'auditor']),
  notificationDeadLetters: read(['admin', 'planner', 'auditor']),
  retryNotification: write(['admin']),
  // "Nobody told us": auditors and planners answer it for any department, heads for their own.
  departmentNotifications: read(['planner', 'auditor'], { roles: ['department_head'], scope: 'department' }),
  createCalendarFeed: write(['admin']),
  revokeCalendarFeed: write(['admin']),
  // Calendar clients send no token: the address itself is the secret (revocable).
  calendarFeed: PUBLIC,
};
