import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SqlQueryable } from '@planledger/event-store';

export interface CalendarFeed {
  feedId: string;
  departmentId: string | null;
  personId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const COLUMNS = `feed_id, department_id, person_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
  to_char(revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as revoked_at`;
type Row = { feed_id: string; department_id: string | null; person_id: string | null; created_at: string; revoked_at: string | null };
const toFeed = (r: Row): CalendarFeed => ({ feedId: r.feed_id, departmentId: r.department_id, personId: r.person_id, createdAt: r.created_at, revokedAt: r.revoked_at });

/** Feeds at secret URLs: the token is shown once, only its SHA-256 is stored; revoking is for good. */
export class CalendarFeedStore {
  constructor(private readonly database: SqlQueryable) {}

  async create(owner: { departmentId: string } | { personId: string }): Promise<{ feed: CalendarFeed; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const [row] = await this.database.query<Row>(
      `insert into notification_calendar_feeds (feed_id, token_hash, department_id, person_id, created_at) values ($1, $2, $3, $4, clock_timestamp()) returning ${COLUMNS}`,
      [`cal-${randomUUID()}`, hashOf(token), 'departmentId' in owner ? owner.departmentId : null, 'personId' in owner ? owner.personId : null]);
    return { feed: toFeed(row), token };
  }

  async revoke(feedId: string): Promise<CalendarFeed | undefined> {
    const [row] = await this.database.query<Row>(
      `update notification_calendar_feeds set revoked_at = coalesce(revoked_at, clock_timestamp()) where feed_id = $1 returning ${COLUMNS}`, [feedId]);
    return row && toFeed(row);
  }

  /** The live feed a token opens, or undefined (unknown or revoked: both answer 404). */
  async resolve(token: string): Promise<CalendarFeed | undefined> {
    const [row] = await this.database.query<Row>(`select ${COLUMNS} from notification_calendar_feeds where token_hash = $1 and revoked_at is null`, [hashOf(token)]);
    return row && toFeed(row);
  }
}

export interface OpenDeadline {
  planId: string;
  planTitle: string;
  timeZone: string;
  assignmentId: string;
  title: string;
  departmentId: string;
  dueAt: string;
  remindDaysBefore: number[];
}

/** Work still owed by the departments (issued, acknowledged, in progress, returned), with the plan's reminder policy for it. */
export async function openDeadlines(database: SqlQueryable, departmentIds: string[]): Promise<OpenDeadline[]> {
  const rows = await database.query<{ plan_id: string; plan_title: string; time_zone: string; assignment_id: string; title: string; department_id: string; due_at: string; remind: number[] | string | null }>(
    `select a.plan_id, p.title as plan_title, p.time_zone, a.assignment_id, a.title, a.department_id,
       to_char(a.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due_at, a.state->'obligation'->'remindDaysBefore' as remind
     from read_assignments a join read_plans p on p.plan_id = a.plan_id
     where a.department_id = any($1::text[]) and a.status in ('issued', 'acknowledged', 'in_progress', 'returned') and p.status = 'published'
       and a.period_key <> 'standing'
     order by a.due_at, a.plan_id, a.assignment_id`, [departmentIds]);
  return rows.map((r) => ({
    planId: r.plan_id, planTitle: r.plan_title, timeZone: r.time_zone, assignmentId: r.assignment_id, title: r.title, departmentId: r.department_id, dueAt: r.due_at,
    remindDaysBefore: (typeof r.remind === 'string' ? JSON.parse(r.remind) : r.remind) ?? [],
  }));
}
