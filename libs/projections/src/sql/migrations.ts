/**
 * The read models' schema (docs/decisions/0005-service.md). Append-only list like the event
 * store's: never edit a released migration, add a new one. Applied by `migrateReadModels`.
 */
export interface ReadModelMigration {
  version: number;
  name: string;
  sql: string;
}

const runnerTables = `
create table read_checkpoints (
  name              text primary key,
  commit_position   text not null,
  prepare_position  text not null,
  updated_at        timestamptz not null
);
-- The read models' checkpoint exists from the start, so a compare-and-set always has a row to
-- compare with. The reactions' is created by the first runner that has reactions.
insert into read_checkpoints (name, commit_position, prepare_position, updated_at) values ('projections', '0', '0', now());
create table read_leases (
  name        text primary key,
  holder      text not null,
  expires_at  timestamptz not null
);
`;

const readModelTables = `
create table read_plans (
  plan_id            text primary key,
  title              text not null,
  document_number    text not null,
  issuing_authority  text not null,
  time_zone          text not null,
  status             text not null,          -- draft | published | closed
  starts_at          timestamptz not null,
  ends_at            timestamptz not null,
  amendments         integer not null default 0,
  published_at       timestamptz,
  closed_at          timestamptz,
  schedule           jsonb not null,
  updated_at         timestamptz not null,
  last_position      text not null
);

create table read_phases (
  plan_id            text not null,
  phase_id           text not null,
  name               text not null,
  kind               text not null,
  ord                integer not null,
  status             text not null,
  opens_at           timestamptz not null,
  closing_starts_at  timestamptz not null,
  closes_at          timestamptz not null,
  opened_at          timestamptz,
  closed_at          timestamptz,
  primary key (plan_id, phase_id)
);

create table read_assignments (
  plan_id           text not null,
  assignment_id     text not null,
  measure_id        text not null,
  title             text not null,
  phase_id          text,
  department_id     text not null,
  responsibility    text not null,
  period_key        text not null,
  status            text not null,
  issue_at          timestamptz not null,
  due_at            timestamptz not null,
  issued_at         timestamptz not null,
  submitted_at      timestamptz,
  accepted_at       timestamptz,
  overdue_since     timestamptz,
  escalation_level  integer not null default 0,
  reminders_sent    integer not null default 0,
  last_event_at     timestamptz not null,
  -- The assignment decider's state: the timer projection derives the pending timers from it.
  state             jsonb not null,
  primary key (plan_id, assignment_id)
);
create index read_assignments_department_status on read_assignments (department_id, status);
create index read_assignments_plan_status on read_assignments (plan_id, status);
-- "Which plans hold this id" for /assignments/{id}.
create index read_assignments_assignment_id on read_assignments (assignment_id);

create table read_timers (
  timer_id    text primary key,
  plan_id     text not null,
  kind        text not null,
  due_at      timestamptz not null,
  -- The plan's publication: a plan published late fires its past timers at that moment.
  not_before  timestamptz,
  stream      text not null,
  timer       jsonb not null
);
create index read_timers_due_at on read_timers (due_at);
create index read_timers_plan on read_timers (plan_id, due_at);
create index read_timers_stream on read_timers (stream);

-- Operational, written by the timer worker; rebuilds never touch it.
create table timer_firings (
  timer_id  text primary key,
  fired_at  timestamptz not null,
  outcome   text not null
);
`;

// Events a projection could not apply, parked so that the events after them still apply
// (decision 0005, "Poison events"). Rebuilt like the read models: a replay parks them again and
// replays the operators' decisions (ProjectionEventSkipped, ProjectionEventRetried) after them.
const parkedEventsTable = `
create table read_parked_events (
  projection   text not null,
  position     text not null,           -- "commit:prepare" of the parked event
  event_id     text not null,
  stream       text not null,
  revision     text not null,
  event_type   text not null,
  error        text not null,
  stack        text,
  status       text not null,           -- parked | skipped | retried
  attempts     integer not null default 1,
  parked_at    timestamptz not null,
  decided_at   timestamptz,
  decided_by   text,
  primary key (projection, position)
);
create index read_parked_events_open on read_parked_events (status) where status = 'parked';
`;

/**
 * A plan's current schedule counted (the planners' timeline and matrix, ScheduleTallies): per
 * (department, measure, phase) and per (deadline day in the plan's zone, measure, phase). Counting
 * walks every obligation in the schedule's JSON, over a second for the synthetic 200-school plan
 * (120,000 obligations); the plans projection does it once when it writes a schedule, so the first
 * read after a change only reads these rows. `where` picks the plans (the projection: one).
 */
export const scheduleTalliesOf = (where: string): string => `
insert into read_schedule_tallies (plan_id, kind, department_id, measure_id, phase_id, day, title, n)
select p.plan_id, 'cell', o->>'departmentId', o->>'measureId', o->>'phaseId', null, min(o->>'title'), count(*)::int
  from read_plans p cross join lateral jsonb_array_elements(p.schedule->'obligations') o ${where} group by p.plan_id, 3, 4, 5
union all
select p.plan_id, 'day', null, o->>'measureId', o->>'phaseId', to_char((o->>'dueAt')::timestamptz at time zone p.time_zone, 'YYYY-MM-DD'), null, count(*)::int
  from read_plans p cross join lateral jsonb_array_elements(p.schedule->'obligations') o ${where} group by p.plan_id, 4, 5, 6`;

const scheduleTalliesTable = `
create table read_schedule_tallies (
  plan_id        text not null,
  kind           text not null,        -- cell | day
  department_id  text,                 -- cell
  measure_id     text not null,
  phase_id       text,
  day            text,                 -- day: YYYY-MM-DD in the plan's zone
  title          text,                 -- cell: the measure's title its obligations carry
  n              integer not null
);
create index read_schedule_tallies_plan on read_schedule_tallies (plan_id);
${scheduleTalliesOf('')};
`;

/**
 * One row per role@unit per RosterAssigned (never updated): `people` [{personId, name}] from
 * `from_at` (business time) until a later row for the same role@unit; `[]` vacates it. The view
 * read_roster_current is the last row of each role@unit; the GIN index finds a person's rows.
 */
const rosterTable = `
create table read_roster (
  seq       bigserial primary key,
  plan_id   text not null,
  role_id   text not null,
  unit_id   text not null,
  people    jsonb not null,
  from_at   timestamptz not null,
  event_id  text not null,
  unique (event_id, role_id, unit_id)
);
create index read_roster_key on read_roster (plan_id, role_id, unit_id, from_at);
create index read_roster_people on read_roster using gin (people jsonb_path_ops);
create view read_roster_current as
  select distinct on (plan_id, role_id, unit_id) plan_id, role_id, unit_id, people, from_at
    from read_roster order by plan_id, role_id, unit_id, from_at desc, seq desc;
`;

export const READ_MODEL_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 1, name: 'create the checkpoint and lease tables', sql: runnerTables },
  { version: 2, name: 'create the read models and timer firings', sql: readModelTables },
  { version: 3, name: 'create the parked events of the projections', sql: parkedEventsTable },
  // A plan's assignments page by page in due order (GET /plans/{id}): an index range, not a sort of the whole plan.
  { version: 4, name: 'index a plan\'s assignments by due date for paging', sql: 'create index read_assignments_plan_due on read_assignments (plan_id, due_at, assignment_id collate "C");' },
  // GET /me/inbox: submissions waiting for review are few at any time; their reviewer is read off the state.
  { version: 5, name: 'index the submitted assignments for the reviewers\' inboxes', sql: "create index read_assignments_submitted on read_assignments (plan_id) where status = 'submitted';" },
  // The planners' pages (issue 14): a matrix cell's assignments page by page, and owed work by deadline across plans for /progress/overdue.
  {
    version: 6, name: 'index a plan\'s assignments by department and measure, and owed work by due date',
    sql: `create index read_assignments_cell on read_assignments (plan_id, department_id, measure_id, due_at);
create index read_assignments_owed_due on read_assignments (due_at, plan_id collate "C", assignment_id collate "C") where status in ('issued', 'acknowledged', 'in_progress', 'returned');`,
  },
  // The first read of a plan's timeline or matrix after its schedule changed counted the schedule's JSON (> 1 s for 200 schools).
  { version: 7, name: 'count each plan\'s schedule once, when it is written', sql: scheduleTalliesTable },
  // Who holds a role at a unit, as each RosterAssigned said it (ADR 0022): history rows, so "who held it then" is one lookup.
  { version: 9, name: 'keep the roster of role holders per unit, with its history', sql: rosterTable },
];
