import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@planledger/auth';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import {
  acceptedByWeek, cellAssignmentsPage, issuedByCell, issuedByDay, notIssuedPage, overdueWorkPage, phasesOf, stateIndex, workCountsByPlan,
  emptyCounts, WORK_STATES, type OverdueWorkFilter, type ScheduleTallies, type WorkPosition, type WorkState,
} from '@planledger/projections';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import { InvalidRequestError, NotFoundError } from '../http/api-errors';
import { DepartmentDirectory, departmentName } from '../read-models/department-directory';
import { buildCharts, buildMatrix, buildTimeline, countGrid, type MatrixRequest } from './progress-board';
import type { OverdueItem, ProgressCellAnswer, ProgressChartsAnswer, ProgressMatrixAnswer, ProgressOverdueAnswer, ProgressPlansAnswer, ProgressTimelineAnswer } from './progress-schemas';
import { ScheduleTalliesCache } from './schedule-tallies.cache';

/** Roles that see every department's work; department people see their reach only. */
const WHOLE_BUREAU = ['planner', 'auditor', 'admin'] as const;
export const seesEverything = (principal: Principal): boolean => principal.roles.some((role) => (WHOLE_BUREAU as readonly string[]).includes(role));

/** Opaque to callers: base64url of the last item's due date, plan and assignment id. */
export function encodeWorkCursor(position: WorkPosition | undefined): string | null {
  return position ? Buffer.from(JSON.stringify([position.dueAt, position.planId, position.assignmentId])).toString('base64url') : null;
}

export function decodeWorkCursor(cursor: string | undefined): WorkPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [dueAt, planId, assignmentId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof dueAt === 'string' && typeof planId === 'string' && typeof assignmentId === 'string' && !Number.isNaN(Date.parse(dueAt))) return { dueAt, planId, assignmentId };
  } catch {
    // Reported below, as any other cursor that no page gave out.
  }
  throw new InvalidRequestError([{ path: 'query.cursor', message: 'not a cursor this api gave out: pass `page.nextCursor` of the previous page unchanged' }]);
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const DAY = 86_400_000;

/**
 * The reads behind the planners' pages. States are judged at business time (the virtual clock
 * moves them, as it moves the inboxes); what the schedule owes comes from ScheduleTalliesCache.
 */
@Injectable()
export class ProgressReads {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tallies: ScheduleTalliesCache,
    private readonly directory: DepartmentDirectory,
  ) {}

  private async now(): Promise<string> {
    return (await this.clock.now()).toISOString();
  }

  private async plan(planId: string): Promise<ScheduleTallies> {
    const tallies = await this.tallies.tallies(planId);
    if (!tallies) throw new NotFoundError('plan', planId);
    return tallies;
  }

  async plans(request: { status?: string; offset: number; limit: number }): Promise<ProgressPlansAnswer> {
    const now = await this.now();
    const versions = await this.tallies.versions();
    const all: ScheduleTallies[] = [];
    for (const planId of versions.keys()) {
      const tallies = await this.tallies.tallies(planId, versions);
      if (tallies && (!request.status || tallies.status === request.status)) all.push(tallies);
    }
    all.sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt) || (a.planId < b.planId ? -1 : 1));
    const shown = all.slice(request.offset, request.offset + request.limit);
    const ids = new Set(shown.map((p) => p.planId));
    const work = (await workCountsByPlan(this.storage.database, now)).filter((row) => ids.has(row.planId));
    const phases = await phasesOf(this.storage.database, [...ids]);
    return {
      now, states: [...WORK_STATES], total: all.length, offset: request.offset, limit: request.limit,
      plans: shown.map((plan) => {
        const counts = emptyCounts();
        let issuedOwed = 0;
        let escalations = 0;
        for (const row of work.filter((w) => w.planId === plan.planId)) {
          if (row.state) counts[stateIndex(row.state)] += row.count;
          if (!row.cancelled) issuedOwed += row.count;
          escalations += row.escalations;
        }
        const owed = plan.byCell.reduce((sum, c) => sum + c.count, 0);
        counts[stateIndex('not_issued')] = Math.max(0, owed - issuedOwed);
        const total = counts.reduce((sum, n) => sum + n, 0);
        const ofPlan = phases.filter((p) => p.planId === plan.planId && p.status !== 'cancelled');
        const current = ofPlan.find((p) => p.status === 'open' || p.status === 'closing')
          ?? ofPlan.find((p) => Date.parse(p.opensAt) <= Date.parse(now) && Date.parse(now) < Date.parse(p.closesAt))
          ?? ofPlan.find((p) => Date.parse(p.opensAt) > Date.parse(now));
        return {
          planId: plan.planId, title: plan.title, timeZone: plan.timeZone, status: plan.status as 'draft' | 'published' | 'closed',
          startsAt: plan.startsAt, endsAt: plan.endsAt,
          currentPhase: current ? { phaseId: current.phaseId, name: current.name, kind: current.kind, opensAt: current.opensAt, closesAt: current.closesAt } : null,
          counts, total,
          percentAccepted: percent(counts[stateIndex('accepted')], total),
          percentOnTime: percent(counts[stateIndex('on_time')] + counts[stateIndex('due_soon')], total),
          percentOverdue: percent(counts[stateIndex('overdue')] + counts[stateIndex('escalated')], total),
          escalations,
        };
      }),
    };
  }

  async timeline(planId: string): Promise<ProgressTimelineAnswer> {
    const tallies = await this.plan(planId);
    const now = await this.now();
    const [phases, issued] = await Promise.all([phasesOf(this.storage.database, [planId]), issuedByDay(this.storage.database, planId, tallies.timeZone, now)]);
    return buildTimeline(tallies, phases, issued, now);
  }

  async matrix(planId: string, request: MatrixRequest): Promise<ProgressMatrixAnswer> {
    const tallies = await this.plan(planId);
    const now = await this.now();
    const [phases, issued] = await Promise.all([phasesOf(this.storage.database, [planId]), issuedByCell(this.storage.database, planId, now)]);
    return buildMatrix(tallies, phases, countGrid(tallies, issued, request.axis), request, now);
  }

  async charts(planId: string): Promise<ProgressChartsAnswer> {
    const tallies = await this.plan(planId);
    const now = await this.now();
    const [phases, issued, accepted] = await Promise.all([
      phasesOf(this.storage.database, [planId]), issuedByCell(this.storage.database, planId, now), acceptedByWeek(this.storage.database, planId, tallies.timeZone),
    ]);
    const byDepartment = buildMatrix(tallies, phases, countGrid(tallies, issued, 'phase'), { axis: 'phase', sort: 'overdue', offset: 0, limit: 15 }, now);
    return buildCharts(tallies, phases.filter((p) => p.status !== 'cancelled'), accepted, byDepartment, now);
  }

  async cell(
    planId: string, filter: { departmentId: string; measureId?: string; phaseId?: string; state?: WorkState }, page: { limit: number; cursor?: string },
  ): Promise<ProgressCellAnswer> {
    await this.plan(planId);
    const after = decodeWorkCursor(page.cursor);
    if (filter.state === 'not_issued') {
      const { items, next, total } = await notIssuedPage(this.storage.database, planId, filter, { limit: page.limit, after });
      return {
        total, page: { limit: page.limit, nextCursor: encodeWorkCursor(next) },
        items: items.map((o) => ({
          ref: null, planId, assignmentId: o.assignmentId, measureId: o.measureId, title: o.title, periodKey: o.periodKey, departmentId: o.departmentId,
          state: 'not_issued' as const, status: null, issueAt: o.issueAt, dueAt: o.dueAt, escalationLevel: 0,
        })),
      };
    }
    const { items, next, total } = await cellAssignmentsPage(this.storage.database, planId, { ...filter, state: filter.state }, { limit: page.limit, after }, await this.now());
    return {
      total, page: { limit: page.limit, nextCursor: encodeWorkCursor(next) },
      items: items.map((a) => ({
        ref: a.ref, planId, assignmentId: a.assignmentId, measureId: a.measureId, title: a.title, periodKey: a.periodKey, departmentId: a.departmentId,
        state: a.state, status: a.status, issueAt: a.issueAt, dueAt: a.dueAt, escalationLevel: a.escalationLevel,
      })),
    };
  }

  /** Overdue work across plans; a department person's answer holds their reach only. */
  async overdue(principal: Principal, filter: { plan?: string; department?: string; minLevel?: number }, page: { limit: number; cursor?: string }): Promise<ProgressOverdueAnswer> {
    const now = await this.now();
    const plans = await this.directory.current();
    const scoped: OverdueWorkFilter = { planId: filter.plan, departmentId: filter.department, minLevel: filter.minLevel };
    if (!seesEverything(principal)) {
      const reach = await this.directory.reachByPlan(principal.departments);
      scoped.reach = [...reach.entries()].flatMap(([planId, departments]) => [...departments].map((departmentId) => ({ planId, departmentId })));
    }
    const { items, next, total } = await overdueWorkPage(this.storage.database, scoped, { limit: page.limit, after: decodeWorkCursor(page.cursor) }, now);
    return {
      now, total, page: { limit: page.limit, nextCursor: encodeWorkCursor(next) },
      items: items.map((a): OverdueItem => ({
        ref: a.ref, planId: a.planId, planTitle: a.planTitle, assignmentId: a.assignmentId, measureId: a.measureId, title: a.title, periodKey: a.periodKey,
        departmentId: a.departmentId, departmentName: departmentName(plans, a.planId, a.departmentId), status: a.status,
        dueAt: a.dueAt, overdueSince: a.overdueSince, daysOverdue: Math.max(0, Math.floor((Date.parse(now) - Date.parse(a.dueAt)) / DAY)),
        escalationLevel: a.escalationLevel, escalatedTo: a.escalatedTo, escalatedToName: a.escalatedTo === null ? null : departmentName(plans, a.planId, a.escalatedTo),
      })),
    };
  }
}
