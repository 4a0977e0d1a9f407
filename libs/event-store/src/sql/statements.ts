/** Every statement the SQL adapter runs, shared by PostgreSQL and PGlite. */

const eventColumns = `stream, revision, event_id, type, schema_version, data, metadata, recorded_at,
  prev_hash, hash, transaction_id, position`;

export const APPEND = 'select * from event_store_append($1, $2, $3, $4::json)';

export const STREAM_REVISION = 'select revision from event_store_streams where stream = $1 and revision >= 0';

export const READ_STREAM_FORWARDS = `select ${eventColumns} from event_store_events
  where stream = $1 and revision >= $2 order by revision asc limit $3`;

export const READ_STREAM_BACKWARDS = `select ${eventColumns} from event_store_events
  where stream = $1 and revision <= $2 order by revision desc limit $3`;

/*
 * Only rows written by transactions older than the oldest one still running: no row can ever
 * appear below that watermark later, so a reader that checkpoints (transaction_id, position)
 * never skips a late commit. See docs/decisions/0001-global-order.md.
 */
export const READ_ALL_AFTER = `select ${eventColumns} from event_store_events
  where (transaction_id, position) > ($1::text::xid8, $2::bigint)
    and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  order by transaction_id, position limit $3`;

/** Walks every stream in (stream, revision) order for verify. */
export const READ_BY_STREAM_AFTER = `select ${eventColumns} from event_store_events
  where (stream, revision) > ($1, $2::bigint) order by stream, revision limit $3`;

export const EVENT_BY_ID = 'select stream, revision from event_store_events where event_id = $1';

export const READ_SNAPSHOT = `select stream, state_schema_version, revision, state from event_store_snapshots where stream = $1`;

export const WRITE_SNAPSHOT = `insert into event_store_snapshots (stream, state_schema_version, revision, state)
  values ($1, $2, $3, $4::json)
  on conflict (stream) do update set state_schema_version = excluded.state_schema_version,
    revision = excluded.revision, state = excluded.state, taken_at = now()`;
