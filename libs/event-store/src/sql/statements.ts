/** Every statement the SQL adapter runs, shared by PostgreSQL and PGlite (the append: append-statement.ts). */

/*
 * JSON and times leave the database as text and numbers, decoded by us: both drivers then return
 * the same primitives, and PGlite (loaded outside jest's VM, see pglite/pglite-worker-executor.ts) hands us no
 * objects from another JavaScript realm.
 */
const eventColumns = `stream, revision::text as revision, event_id::text as event_id, type, schema_version,
  data::text as data, metadata::text as metadata,
  (extract(epoch from recorded_at) * 1000)::float8 as recorded_at_ms,
  prev_hash, hash, transaction_id::text as transaction_id, position::text as position`;
// ORDER BY must name the table's columns (e.*): the text aliases above would sort '10' before '2'.

export const STREAM_HEAD = `select e.revision::text as revision, e.hash from event_store_events e
  where e.stream = $1 order by e.revision desc limit 1`;

export const READ_STREAM_FORWARDS = `select ${eventColumns} from event_store_events e
  where e.stream = $1 and e.revision >= $2 order by e.revision asc limit $3`;

export const READ_STREAM_BACKWARDS = `select ${eventColumns} from event_store_events e
  where e.stream = $1 and e.revision <= $2 order by e.revision desc limit $3`;

/*
 * Only rows written by transactions older than the oldest one still running: no row can ever
 * appear below that watermark later, so a reader that checkpoints (transaction_id, position)
 * never skips a late commit. See docs/decisions/0001-global-order.md.
 */
export const READ_ALL_AFTER = `select ${eventColumns} from event_store_events e
  where (e.transaction_id, e.position) > ($1::text::xid8, $2::bigint)
    and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  order by e.transaction_id, e.position limit $3`;

/** Walks every stream in (stream, revision) order for verify. */
export const READ_BY_STREAM_AFTER = `select ${eventColumns} from event_store_events e
  where (e.stream, e.revision) > ($1, $2::bigint) order by e.stream, e.revision limit $3`;

/** $1: JSON array of event ids. */
export const EVENTS_BY_ID = `select e.event_id::text as event_id, e.stream, e.revision::text as revision,
  e.transaction_id::text as transaction_id, e.position::text as position
  from event_store_events e where e.event_id in (select value::uuid from json_array_elements_text($1::json))`;

/** Many streams at once, each from its own revision: $1 streams, $2 first revisions. */
export const READ_STREAMS_FROM = `select ${eventColumns} from unnest($1::text[], $2::bigint[]) r(wanted, from_revision)
  join event_store_events e on e.stream = r.wanted and e.revision >= r.from_revision
  order by e.stream, e.revision`;

export const READ_SNAPSHOTS = `select stream, state_schema_version, revision::text as revision, state::text as state from event_store_snapshots where stream = any($1::text[])`;

export const READ_SNAPSHOT = `select stream, state_schema_version, revision::text as revision, state::text as state from event_store_snapshots where stream = $1`;

export const WRITE_SNAPSHOT = `insert into event_store_snapshots (stream, state_schema_version, revision, state)
  values ($1, $2, $3, $4::json)
  on conflict (stream) do update set state_schema_version = excluded.state_schema_version,
    revision = excluded.revision, state = excluded.state, taken_at = now()`;

export const STORE_ID = 'select store_id::text as store_id from event_store_identity';
