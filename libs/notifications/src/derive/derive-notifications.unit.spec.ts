import { diffSchedules } from '@planledger/domain';
import { DUE_AT, assignmentEvent, obligation, phaseEvent, planEvent, planner, schedule, timer } from '@planledger/domain/testing';
import { deriveNotifications, PUBLISHED_ITEMS_LISTED, type DeriveContext } from './derive-notifications';

const plan = schedule({
  departments: [
    { id: 'bureau', name: '連云區教育局', kind: 'bureau' },
    { id: 'school-a', name: '甲小学', kind: 'school', parent: 'bureau' },
    { id: 'school-b', name: '乙小学', kind: 'school', parent: 'bureau' },
    { id: 'liaison', name: '包校联系人', kind: 'office' },
    { id: 'office', name: '领导小组办公室', kind: 'office' },
  ],
  obligations: [
    obligation(),
    obligation({ assignmentId: 'm1.school-b.once', departmentId: 'school-b', dueAt: '2022-03-10T00:00:00.000Z' }),
    obligation({ assignmentId: 'm2.school-a.2022', measureId: 'm2', title: '总结报告', phaseId: 'implement', dueAt: '2022-06-01T00:00:00.000Z' }),
  ],
});
const held = { assignmentId: 'm1.school-a.once', title: '制定实施方案', departmentId: 'school-a', dueAt: DUE_AT };
const ctx = (over: Partial<DeriveContext> = {}): DeriveContext => ({ schedule: plan, assignment: held, ...over });
const AT = '2022-02-26T00:00:00.000Z';
const recipients = (list: { recipientId: string }[]) => list.map((n) => n.recipientId);

describe('deriveNotifications', () => {
  it('given an issued assignment, when projected, then its department hears of it with the due date', () => {
    const [n, ...rest] = deriveNotifications(assignmentEvent('AssignmentIssued', { obligation: obligation() }, '2022-02-01T00:00:00.000Z', timer), ctx({ assignment: undefined }));
    expect(rest).toEqual([]);
    expect(n).toMatchObject({ recipientId: 'school-a', urgent: false, facts: { kind: 'assignment-issued', title: '制定实施方案', dueAt: DUE_AT, recipientName: '甲小学', planTitle: plan.title, timeZone: 'Asia/Shanghai' } });
  });

  it('given a reminder and an overdue mark, then the holder hears each, not urgently', () => {
    const reminder = deriveNotifications(assignmentEvent('AssignmentReminderDue', { assignmentId: held.assignmentId, departmentId: 'school-a', daysBefore: 7, dueAt: DUE_AT }, AT, timer), ctx());
    expect(reminder).toEqual([expect.objectContaining({ recipientId: 'school-a', urgent: false, facts: expect.objectContaining({ kind: 'reminder-due', daysBefore: 7 }) })]);
    const overdue = deriveNotifications(assignmentEvent('AssignmentOverdue', { assignmentId: held.assignmentId, departmentId: 'school-a', dueAt: DUE_AT }, DUE_AT, timer), ctx());
    expect(overdue).toEqual([expect.objectContaining({ recipientId: 'school-a', urgent: false, facts: expect.objectContaining({ kind: 'overdue' }) })]);
  });

  it('given an escalation, then the escalation receiver and the holder hear it at once (urgent)', () => {
    const list = deriveNotifications(assignmentEvent('AssignmentEscalated', { assignmentId: held.assignmentId, departmentId: 'school-a', level: 1, to: 'office', dueAt: DUE_AT, daysOverdue: 3 }, AT, timer), ctx());
    expect(recipients(list)).toEqual(['office', 'school-a']);
    expect(list.every((n) => n.urgent && n.facts.kind === 'escalated' && n.facts.holderName === '甲小学' && n.facts.level === 1)).toBe(true);
  });

  it('given a submission, then the next reviewer hears it; with no reviewer nobody does', () => {
    const submitted = deriveNotifications(assignmentEvent('AssignmentSubmitted', { assignmentId: held.assignmentId, departmentId: 'school-a', note: '方案', attachments: [], late: false, reviewer: 'liaison' }, AT), ctx());
    expect(submitted).toEqual([expect.objectContaining({ recipientId: 'liaison', facts: expect.objectContaining({ kind: 'submitted', note: '方案', holderId: 'school-a' }) })]);
    expect(deriveNotifications(assignmentEvent('AssignmentSubmitted', { assignmentId: held.assignmentId, departmentId: 'school-a', note: '', attachments: [], late: false, reviewer: null }, AT), ctx())).toEqual([]);
    const passed = deriveNotifications(assignmentEvent('AssignmentReviewPassed', { assignmentId: held.assignmentId, reviewer: 'liaison', nextReviewer: 'office', note: '同意' }, AT), ctx());
    expect(recipients(passed)).toEqual(['office']);
  });

  it('given a return, then the holder hears the reason at once; given an acceptance, the holder hears it', () => {
    const [returned] = deriveNotifications(assignmentEvent('AssignmentReturned', { assignmentId: held.assignmentId, reviewer: 'liaison', reason: '缺少附件' }, AT, planner), ctx());
    expect(returned).toMatchObject({ recipientId: 'school-a', urgent: true, facts: { kind: 'returned', reason: '缺少附件' } });
    const [accepted] = deriveNotifications(assignmentEvent('AssignmentAccepted', { assignmentId: held.assignmentId, reviewer: null, note: '' }, AT, planner), ctx());
    expect(accepted).toMatchObject({ recipientId: 'school-a', urgent: false, facts: { kind: 'accepted' } });
  });

  it('given a phase opening or closing, then exactly the units responsible in that phase hear it', () => {
    const opened = deriveNotifications(phaseEvent('PhaseOpened', { planId: plan.planId, phaseId: 'mobilise', name: '动员阶段' }, AT, timer), ctx({ assignment: undefined }));
    expect(recipients(opened)).toEqual(['school-a', 'school-b']);
    expect(opened[0].facts).toMatchObject({ kind: 'phase-opened', phaseName: '动员阶段', closesAt: '2022-04-01T00:00:00.000Z' });
    const closing = deriveNotifications(phaseEvent('PhaseClosingStarted', { planId: plan.planId, phaseId: 'implement', name: '实施阶段', closesAt: '2022-07-01T00:00:00.000Z' }, AT, timer), ctx());
    expect(closing).toEqual([expect.objectContaining({ recipientId: 'school-a', facts: expect.objectContaining({ kind: 'phase-closing' }) })]);
    const closed = deriveNotifications(phaseEvent('PhaseClosed', { planId: plan.planId, phaseId: 'implement', name: '实施阶段', trigger: 'schedule' }, AT, timer), ctx());
    expect(closed.map((n) => n.facts.kind)).toEqual(['phase-closed']);
  });

  it('given a publication, then each unit with work hears how much and what comes first', () => {
    const many = schedule({ obligations: Array.from({ length: 7 }, (_, i) => obligation({ assignmentId: `m${i}.school-a.once`, dueAt: `2022-03-0${i + 1}T00:00:00.000Z` })) });
    const list = deriveNotifications(planEvent('PlanPublished', { planId: many.planId, schedule: many }, AT, planner), { schedule: many });
    expect(list).toHaveLength(1);
    expect(list[0].facts.itemCount).toBe(7);
    expect(list[0].facts.items!.map((i) => i.assignmentId)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4'].map((m) => `${m}.school-a.once`).slice(0, PUBLISHED_ITEMS_LISTED));
  });

  it('given an amendment, then only the units it touches hear it, each with its own changes', () => {
    const after = schedule({
      ...plan,
      obligations: [
        obligation({ dueAt: '2022-03-12T00:00:00.000Z' }), // school-a re-dated
        obligation({ assignmentId: 'm3.school-b.once', measureId: 'm3', title: '新增任务', departmentId: 'school-b' }), // school-b: added, and its m1 removed
        plan.obligations[2],
      ],
    });
    const changes = diffSchedules(plan, after);
    const before = new Map(plan.obligations.map((o) => [o.assignmentId, { title: o.title, departmentId: o.departmentId }]));
    const list = deriveNotifications(planEvent('PlanAmended', { planId: plan.planId, amendment: 1, reason: '推迟一周', schedule: after, changes }, AT, planner), { schedule: after, assignmentsBefore: before });
    expect(recipients(list)).toEqual(['school-a', 'school-b']);
    expect(list[0].facts.changes).toEqual({ added: [], removed: [], redated: [{ assignmentId: 'm1.school-a.once', title: '制定实施方案', fromDueAt: DUE_AT, toDueAt: '2022-03-12T00:00:00.000Z' }] });
    expect(list[1].facts.changes).toEqual({ added: [expect.objectContaining({ assignmentId: 'm3.school-b.once' })], removed: [{ assignmentId: 'm1.school-b.once', title: '制定实施方案' }], redated: [] });
  });

  it('given events that concern nobody (acknowledged, progress, drafts), then no notification', () => {
    expect(deriveNotifications(assignmentEvent('AssignmentAcknowledged', { assignmentId: held.assignmentId, departmentId: 'school-a' }, AT), ctx())).toEqual([]);
    expect(deriveNotifications(planEvent('PlanDrafted', { planId: plan.planId, schedule: plan, source: { fileName: 'p.yaml', format: 'yaml', text: '' } }, AT, planner), ctx())).toEqual([]);
  });
});
