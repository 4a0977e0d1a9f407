import type { AssignmentView } from '@planledger/projections';

/** A column of the export: headers in Chinese and English, so reviewers of either read them. */
export interface ExportColumn<Row> {
  key: keyof Row & string;
  zh: string;
  en: string;
  /** Spreadsheet width in characters. */
  width: number;
}

export const headerOf = (column: Pick<ExportColumn<unknown>, 'zh' | 'en'>): string => `${column.zh} ${column.en}`;

export type Cell = string | number | null;

/** An assignment as GET /plans/{id} shows it, without what only the live API needs. */
export type AssignmentRow = Omit<AssignmentView, 'allowedActions' | 'ref'>;

export interface EventRow {
  recordedAt: string;
  businessTime: string | null;
  stream: string;
  revision: number;
  type: string;
  actor: string | null;
  role: string | null;
  departmentId: string | null;
  summary: string;
  hash: string;
}

export const ASSIGNMENT_COLUMNS: ExportColumn<AssignmentRow>[] = [
  { key: 'planId', zh: '计划', en: 'Plan', width: 24 },
  { key: 'assignmentId', zh: '事项', en: 'Assignment', width: 48 },
  { key: 'measureId', zh: '措施', en: 'Measure', width: 30 },
  { key: 'title', zh: '任务名称', en: 'Title', width: 40 },
  { key: 'phaseId', zh: '阶段', en: 'Phase', width: 20 },
  { key: 'departmentId', zh: '责任单位', en: 'Department', width: 26 },
  { key: 'responsibility', zh: '责任类型', en: 'Responsibility', width: 14 },
  { key: 'periodKey', zh: '周期', en: 'Period', width: 12 },
  { key: 'status', zh: '状态', en: 'Status', width: 14 },
  { key: 'issueAt', zh: '计划下达', en: 'Issue at', width: 26 },
  { key: 'dueAt', zh: '截止时间', en: 'Due at', width: 26 },
  { key: 'issuedAt', zh: '实际下达', en: 'Issued at', width: 26 },
  { key: 'submittedAt', zh: '提交时间', en: 'Submitted at', width: 26 },
  { key: 'acceptedAt', zh: '通过时间', en: 'Accepted at', width: 26 },
  { key: 'overdueSince', zh: '逾期起始', en: 'Overdue since', width: 26 },
  { key: 'escalationLevel', zh: '督办级别', en: 'Escalation level', width: 10 },
  { key: 'remindersSent', zh: '提醒次数', en: 'Reminders sent', width: 10 },
  { key: 'lastEventAt', zh: '最近事件', en: 'Last event at', width: 26 },
];

export const EVENT_COLUMNS: ExportColumn<EventRow>[] = [
  { key: 'recordedAt', zh: '记录时间', en: 'Recorded at', width: 26 },
  { key: 'businessTime', zh: '业务时间', en: 'Business time', width: 26 },
  { key: 'stream', zh: '事件流', en: 'Stream', width: 56 },
  { key: 'revision', zh: '序号', en: 'Revision', width: 8 },
  { key: 'type', zh: '事件类型', en: 'Type', width: 28 },
  { key: 'actor', zh: '操作人', en: 'Actor', width: 24 },
  { key: 'role', zh: '角色', en: 'Role', width: 16 },
  { key: 'departmentId', zh: '单位', en: 'Department', width: 26 },
  { key: 'summary', zh: '内容摘要', en: 'Summary', width: 60 },
  { key: 'hash', zh: '哈希', en: 'Hash', width: 66 },
];

export const cellsOf = <Row>(columns: ExportColumn<Row>[], row: Row): Cell[] => columns.map((c) => (row[c.key] as Cell | undefined) ?? null);
