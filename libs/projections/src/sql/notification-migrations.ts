import type { MigrationSet } from '@planledger/event-store';

/*
 * The notifications' tables: channel settings and the outbox. Operational, not read models: a
 * rebuild never truncates them (a replay meets the outbox's unique key and adds nothing, and a
 * channel hears only of events recorded after it was set up). Their own migration set, so that the
 * read models' version numbers stay free for the read models. Append-only: never edit a released
 * migration, add a new one.
 */
const channelsAndOutbox = `
create table notification_channels (
  channel_id         text primary key,
  department_id      text not null,
  -- A person's own channel (their e-mail); null: the department's (its group robot, its webhook).
  person_id          text,
  kind               text not null,              -- wecom | dingtalk | email | webhook
  label              text not null,
  locale             text not null,              -- zh-CN | en
  -- null: every message at once; 'HH:mm': 每日待办汇总 at that local time on working days.
  digest_time        text,
  digest_zone        text,
  -- Not secret (an e-mail address, a rate limit); shown to admins.
  settings           jsonb not null,
  -- AES-256-GCM of the secret settings (robot URL, signing secret, webhook key): never returned.
  secret             text not null,
  rate_per_minute    integer not null,
  enabled            boolean not null default true,
  created_at         timestamptz not null,
  updated_at         timestamptz not null
);
create index notification_channels_department on notification_channels (department_id) where enabled;

create table notification_outbox (
  outbox_id       text primary key,
  event_id        text not null,
  event_type      text not null,
  stream          text not null,
  position        text not null,
  plan_id         text not null,
  assignment_id   text,
  recipient_id    text not null,
  channel_id      text not null,
  channel_kind    text not null,
  kind            text not null,
  urgent          boolean not null,
  facts           jsonb not null,
  event_at        timestamptz not null,          -- business time of the event
  recorded_at     timestamptz not null,          -- when the store recorded it: the lag is measured from here
  -- The 每日待办汇总 slot this row waits for (business time), or null when sent at once.
  digest_at       timestamptz,
  status          text not null,                 -- pending | sending | sent | dead | withheld
  attempts        integer not null default 0,
  -- attempts when an admin last sent the row back from the dead-letter list: the limit counts from there.
  retry_base      integer not null default 0,
  due_at          timestamptz not null,          -- next try (business clock)
  claimed_by      text,
  claimed_until   timestamptz,
  enqueued_epoch  text,
  enqueued_try    integer,
  delivered_at    timestamptz,
  delivered_ms    double precision,
  last_error      text,
  digest_of       text,
  unique (event_id, recipient_id, channel_id)
);
create index notification_outbox_pending on notification_outbox (due_at, outbox_id) where status in ('pending', 'sending');
create index notification_outbox_dead on notification_outbox (status) where status = 'dead';
create index notification_outbox_assignment on notification_outbox (plan_id, assignment_id, recipient_id);
`;

// iCalendar feeds at secret URLs: only the token's hash is kept; a revoked feed answers 404.
const calendarFeeds = `
create table notification_calendar_feeds (
  feed_id        text primary key,
  token_hash     text not null unique,
  department_id  text,
  person_id      text,
  created_at     timestamptz not null,
  revoked_at     timestamptz,
  check ((department_id is null) <> (person_id is null))
);
`;

// A fencing token per claim: a worker whose claim ran out (and was taken over) can no longer renew,
// mark or release the row; only the holder of the current token can. Rows claimed before have none.
const claimTokens = `
alter table notification_outbox add column claim_token text;
`;

export const NOTIFICATION_SCHEMA: MigrationSet = {
  table: 'notifications_migrations',
  // Not the event store's, the read models' nor the timers' key: the sets never wait on each other.
  lockKey: 7_361_204_554,
  migrations: [
    { version: 1, name: 'notification channels and outbox', sql: channelsAndOutbox },
    { version: 2, name: 'calendar feeds', sql: calendarFeeds },
    { version: 3, name: 'outbox claim tokens', sql: claimTokens },
  ],
};
