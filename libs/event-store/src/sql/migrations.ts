/**
 * Versioned schema shared by PostgreSQL and PGlite. Append-only list: never edit a released
 * migration, add a new one. Applied under an advisory lock by `runMigrations`.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const createTables = `
create table event_store_events (
  -- Global order is (transaction_id, position), read only below the oldest running transaction:
  -- see docs/decisions/0001-global-order.md.
  position        bigserial not null,
  transaction_id  xid8 not null default pg_current_xact_id(),
  stream          text not null,
  revision        bigint not null,
  event_id        uuid not null,
  type            text not null,
  schema_version  integer not null,
  -- json (not jsonb) keeps the caller's text byte for byte
  data            json not null,
  metadata        json not null,
  recorded_at     timestamptz not null,
  prev_hash       text not null,
  hash            text not null,
  -- The primary key is also the concurrency control: two appends at the same revision of a
  -- stream cannot both commit; the second waits for the first and then fails.
  primary key (stream, revision),
  constraint event_store_events_event_id_key unique (event_id)
);
create index event_store_events_global_order on event_store_events (transaction_id, position);

create table event_store_snapshots (
  stream                text primary key,
  state_schema_version  integer not null,
  revision              bigint not null,
  state                 json not null,
  taken_at              timestamptz not null default now()
);
`;

const appendOnlyTriggers = `
create function event_store_reject_mutation() returns trigger language plpgsql as $$
begin
  raise exception using
    errcode = 'ESRO1',
    message = format('event_store_events is append-only: %s rejected', tg_op);
end $$;

create trigger event_store_events_append_only
  before update or delete on event_store_events
  for each row execute function event_store_reject_mutation();

create trigger event_store_events_no_truncate
  before truncate on event_store_events
  for each statement execute function event_store_reject_mutation();
`;

// Who this store is: an id drawn once, when the store is created, and never changed. Processes
// derive their queue and Redis keys from it, so two installations sharing a Redis never see each
// other's jobs (docs/decisions/0005-service.md). A copy of the database (restore, clone) keeps it.
const storeIdentity = `
create table event_store_identity (
  singleton   boolean primary key default true check (singleton),
  store_id    uuid not null default gen_random_uuid(),
  created_at  timestamptz not null default now()
);
insert into event_store_identity default values;
`;

// The auditors' event log (GET /audit/events) filters a million events by plan, department,
// person, type and recorded time, newest first, a page at a time (keyset on recorded_at, position).
// Each filter gets an index that ends in the paging order, so a page reads about as many index
// entries as it shows. Plan and department are expressions over the stream name and the JSON
// (the table is append-only: no column is added or back-filled), wrapped in immutable functions so
// that the query and the index spell them the same way. The department is the one the export's
// department column names (libs/audit event-summary.ts departmentOfEvent): the department in the
// data, else the actor's.
const eventLogIndexes = `
create function event_store_plan_of(stream text) returns text language sql immutable parallel safe as $$
  select coalesce(substring(stream from '^plan-([a-z0-9][a-z0-9-]*)$'),
                  substring(stream from '^(?:phase|assignment|notifications)-([a-z0-9][a-z0-9-]*)(?:[.]|$)'))
$$;
create function event_store_department_of(data json, metadata json) returns text language sql immutable parallel safe as $$
  select coalesce(data->>'departmentId', data->>'toDepartmentId', data->'obligation'->>'departmentId', data->>'recipientId',
                  metadata->'actor'->>'departmentId')
$$;
create index event_store_events_by_recorded on event_store_events (recorded_at, position);
create index event_store_events_by_type on event_store_events (type, recorded_at, position);
create index event_store_events_by_plan on event_store_events (event_store_plan_of(stream), recorded_at, position);
create index event_store_events_by_department on event_store_events (event_store_department_of(data, metadata), recorded_at, position);
create index event_store_events_by_actor on event_store_events ((metadata->'actor'->>'userId'), recorded_at, position);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'create events and snapshots tables', sql: createTables },
  { version: 2, name: 'make the events table append-only', sql: appendOnlyTriggers },
  { version: 3, name: 'give the store its identity', sql: storeIdentity },
  { version: 4, name: 'index the event log by plan, department, person, type and recorded time', sql: eventLogIndexes },
];
