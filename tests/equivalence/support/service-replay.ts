import { join } from 'node:path';
import { isPlanledgerEventType, type PlanledgerEvent } from '@planledger/domain';
import { toDomainEvent } from '@planledger/engine';
import { openEventStorage } from '@planledger/event-store';
import type { PersonAction } from '@planledger/simulation';
import { call, expectOk } from '../../service/support/http';
import { bearerFor } from '../../service/support/tokens';

/** A plan file as the service receives it: the JSON envelope with the files it refers to. */
export interface PlanUploadBody {
  definition: string;
  fileName: string;
  files?: Record<string, string>;
}

const ACTION_ROUTES: Record<string, string> = {
  AcknowledgeAssignment: 'acknowledge',
  StartAssignment: 'start',
  ReportProgress: 'progress',
  SubmitAssignment: 'submit',
  AcceptAssignment: 'accept',
  ReturnAssignment: 'return',
};

/**
 * Gives the service, through its API, every command the simulated people gave, each at the same
 * business time: the virtual clock is set to the action's instant first (which fires every timer
 * due until then), then the request is sent.
 */
export class ServiceReplay {
  private readonly headers = new Map<string, Record<string, string>>();
  private clockMs = -Infinity;

  constructor(
    private readonly baseUrl: string,
    private readonly dataDir: string,
    private readonly uploads: { draft: PlanUploadBody; amendments: Map<string, PlanUploadBody> },
  ) {}

  async advanceTo(at: string): Promise<void> {
    const ms = Date.parse(at);
    if (ms <= this.clockMs) return;
    expectOk(await call(this.baseUrl, 'POST', '/admin/clock', { set: new Date(ms).toISOString() }, await this.as('bureau', ['planner', 'admin'])), `clock to ${at}`);
    this.clockMs = ms;
  }

  async give(action: PersonAction): Promise<void> {
    await this.advanceTo(action.at);
    const { command, target } = action;
    const planner = await this.as('bureau', ['planner', 'admin']);
    const post = async (path: string, body: unknown, headers: Record<string, string>) => expectOk(await call(this.baseUrl, 'POST', path, body, headers), `${command.type} at ${action.at}`);
    switch (command.type) {
      case 'DraftPlan':
        return void (await post('/plans', this.uploads.draft, planner));
      case 'PublishPlan':
        return void (await post(`/plans/${command.data.planId}/publish`, undefined, planner));
      case 'AmendPlan': {
        const upload = this.uploads.amendments.get(command.data.reason);
        if (!upload) throw new Error(`no upload for the amendment "${command.data.reason}"`);
        await post(`/plans/${command.data.planId}/amendments`, { ...upload, reason: command.data.reason }, planner);
        // Timers it set with due times already passed fire before anyone acts, even at this same instant.
        this.clockMs = -Infinity;
        return;
      }
      case 'RecordOutsideEvent': {
        const { eventId, date, units, note } = command.data;
        return void (await post(`/plans/${command.data.planId}/events`, { eventId, date, ...(units ? { units } : {}), ...(note ? { note } : {}) }, planner));
      }
      case 'ClosePhase': {
        const { planId, phaseId } = command.data;
        return void (await post(`/plans/${planId}/phases/${phaseId}/close`, {}, planner));
      }
      case 'RecordMeasurement': {
        // Recorded by the simulator's planner: the same subject, so that `recordedBy` is the same.
        const { targetId, unitId, period, value } = command.data;
        return void (await post(`/plans/${command.data.planId}/measurements`, { targetId, unitId, period, value }, await this.as(action.actor.userId, ['planner'])));
      }
      case 'RecordInspection': {
        const { planId, ...body } = command.data;
        return void (await post(`/plans/${planId}/inspections`, body, planner));
      }
      case 'RecordFinding': {
        const { planId, inspectionId, dueAt: _due, ...body } = command.data;
        return void (await post(`/plans/${planId}/inspections/${inspectionId}/findings`, body, planner));
      }
      case 'ClosePlan':
        return void (await post(`/plans/${command.data.planId}/close`, { reason: command.data.reason }, planner));
      default: {
        if (target.aggregate !== 'assignment') throw new Error(`no route replays ${command.type} on a ${target.aggregate}`);
        const route = ACTION_ROUTES[command.type];
        if (!route) throw new Error(`no route replays ${command.type}`);
        const { assignmentId: _id, ...body } = command.data as { assignmentId: string } & Record<string, unknown>;
        const department = action.actor.departmentId!;
        // Reviewers accept as planners (the simulated reviewer's role); departments act as their heads.
        // A reporting assignment's submission carries its value, sent as the simulated head (recordedBy is its subject).
        const headers = action.actor.role === 'planner' ? planner : action.value !== undefined ? await this.as(action.actor.userId, ['department_head'], [department]) : await this.as(department, ['department_head'], [department]);
        return void (await post(`/assignments/${target.planId}.${target.assignmentId}/${route}`, action.value !== undefined ? { ...body, value: action.value } : body, headers));
      }
    }
  }

  private async as(subject: string, roles: ('planner' | 'admin' | 'department_head')[], departments: string[] = []): Promise<Record<string, string>> {
    const key = `${subject}|${roles.join(',')}`;
    let headers = this.headers.get(key);
    if (!headers) {
      headers = await bearerFor({ dataDir: this.dataDir }, { subject, roles, departments });
      this.headers.set(key, headers);
    }
    return headers;
  }
}

/** The plan's streams as the service recorded them (read from its PGlite folder once it has stopped). */
export async function recordedStreams(dataDir: string): Promise<Map<string, PlanledgerEvent[]>> {
  const storage = await openEventStorage({ dataDir: join(dataDir, 'pglite') });
  const streams = new Map<string, PlanledgerEvent[]>();
  try {
    for await (const stored of storage.store.readAll()) {
      if (!isPlanledgerEventType(stored.type)) continue;
      const list = streams.get(stored.stream) ?? [];
      list.push(toDomainEvent(stored));
      streams.set(stored.stream, list);
    }
  } finally {
    await storage.close();
  }
  return streams;
}

/** What must be equal: type, business time and data (instants compared as instants). Not the actor's token identity. */
export function comparable(event: PlanledgerEvent): unknown {
  return { type: event.type, schemaVersion: event.schemaVersion, at: Date.parse(event.at), data: instantsAsMillis(withoutRecorder(event.data)) };
}

/** An inspection names who recorded it (`recordedBy`, the #15 contract): the actor's identity again, which differs by design. */
function withoutRecorder(data: unknown): unknown {
  if (!data || typeof data !== 'object' || !('recordedBy' in data)) return data;
  const { recordedBy: _by, ...rest } = data as Record<string, unknown>;
  return rest;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
function instantsAsMillis(value: unknown): unknown {
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? Date.parse(value) : value;
  if (Array.isArray(value)) return value.map(instantsAsMillis);
  // Keys sorted: PostgreSQL's jsonb keeps its own key order.
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, instantsAsMillis(v)]));
  return value;
}
