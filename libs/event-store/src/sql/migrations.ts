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
create table event_store_streams (
  stream     text primary key,
  -- revision of the last event; -1 only inside the transaction that creates the stream
  revision   bigint not null,
  head_hash  text not null
);

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

/*
 * One round trip and one commit per append, whatever the batch size. Errors use our own SQLSTATEs:
 *   ESC01 concurrency conflict   (detail: {"actual": <revision or -1>})
 *   ESC02 event id stored elsewhere (detail: {"index", "stream", "revision"})
 * The hash chain matches hashing/hash-chain.ts.
 */
const appendFunction = `
create function event_store_append(p_stream text, p_expected_kind text, p_expected bigint, p_events json)
returns table (first_revision bigint, last_revision bigint, last_transaction_id xid8, last_position bigint)
language plpgsql as $$
declare
  v_revision bigint;
  v_hash text;
  v_ids uuid[];
  v_event json;
  v_recorded_at timestamptz := date_trunc('milliseconds', clock_timestamp());
  v_recorded_ms text;
  v_prev_hash text;
  v_position bigint;
  v_first_stored record;
  v_replay record;
begin
  v_recorded_ms := (extract(epoch from v_recorded_at) * 1000)::bigint::text;
  insert into event_store_streams (stream, revision, head_hash)
    values (p_stream, -1, encode(sha256(convert_to('event-store-stream:' || p_stream, 'UTF8')), 'hex'))
    on conflict (stream) do nothing;
  -- The row lock serialises writers of one stream; writers of other streams run in parallel.
  select s.revision, s.head_hash into v_revision, v_hash
    from event_store_streams s where s.stream = p_stream for update;

  select array_agg((e ->> 'eventId')::uuid order by ord) into v_ids
    from json_array_elements(p_events) with ordinality as t(e, ord);
  select i.ord, ev.stream, ev.revision into v_first_stored
    from unnest(v_ids) with ordinality as i(id, ord)
    join event_store_events ev on ev.event_id = i.id
    order by i.ord limit 1;
  if found then
    -- Idempotent retry: the very same ids, in order, at the place this append would have put them.
    select count(ev.event_id) as stored, min(ev.revision) as first_revision, max(ev.revision) as last_revision,
           bool_and(ev.stream is not distinct from p_stream and ev.revision = v_first_stored.revision + i.ord - 1) as in_place
      into v_replay
      from unnest(v_ids) with ordinality as i(id, ord)
      left join event_store_events ev on ev.event_id = i.id;
    if v_replay.stored = cardinality(v_ids) and v_replay.in_place and v_first_stored.ord = 1
       and v_first_stored.stream = p_stream
       and (p_expected_kind = 'any'
            or (p_expected_kind = 'no_stream' and v_replay.first_revision = 0)
            or (p_expected_kind = 'stream_exists' and v_replay.first_revision > 0)
            or (p_expected_kind = 'exact' and v_replay.first_revision = p_expected + 1)) then
      return query
        select v_replay.first_revision, v_replay.last_revision, ev.transaction_id, ev.position
          from event_store_events ev where ev.stream = p_stream and ev.revision = v_replay.last_revision;
      return;
    end if;
    raise exception using errcode = 'ESC02', message = 'event id already stored elsewhere',
      detail = json_build_object('index', v_first_stored.ord - 1, 'stream', v_first_stored.stream,
                                 'revision', v_first_stored.revision::text)::text;
  end if;

  if (p_expected_kind = 'no_stream' and v_revision <> -1)
     or (p_expected_kind = 'stream_exists' and v_revision = -1)
     or (p_expected_kind = 'exact' and v_revision <> p_expected) then
    raise exception using errcode = 'ESC01', message = 'concurrency conflict',
      detail = json_build_object('actual', v_revision::text)::text;
  end if;

  first_revision := v_revision + 1;
  for v_event in select e from json_array_elements(p_events) as t(e) loop
    v_revision := v_revision + 1;
    v_prev_hash := v_hash;
    v_hash := encode(sha256(decode(v_hash, 'hex') || decode(v_event ->> 'digest', 'hex')
                            || convert_to(v_recorded_ms, 'UTF8')), 'hex');
    insert into event_store_events
        (stream, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
      values (p_stream, v_revision, (v_event ->> 'eventId')::uuid, v_event ->> 'type',
              (v_event ->> 'schemaVersion')::integer, v_event -> 'data', v_event -> 'metadata',
              v_recorded_at, v_prev_hash, v_hash)
      returning position into v_position;
  end loop;
  update event_store_streams set revision = v_revision, head_hash = v_hash where stream = p_stream;
  last_revision := v_revision;
  last_transaction_id := pg_current_xact_id();
  last_position := v_position;
  return next;
end $$;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'create events, streams and snapshots tables', sql: createTables },
  { version: 2, name: 'make the events table append-only', sql: appendOnlyTriggers },
  { version: 3, name: 'append function with concurrency check, idempotency and hash chain', sql: appendFunction },
];
