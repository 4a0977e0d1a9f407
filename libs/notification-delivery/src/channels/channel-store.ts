import { randomUUID } from 'node:crypto';
import type { SqlQueryable } from '@planledger/event-store';
import type { SecretBox } from '../crypto/secret-box';
import { DEFAULT_RATE_PER_MINUTE, joinSettings, splitSettings, type ChannelKind, type ChannelSettings, type ChannelView, type CreateChannelInput } from './channel-schemas';

interface ChannelRow {
  channel_id: string;
  department_id: string;
  person_id: string | null;
  kind: ChannelKind;
  label: string;
  locale: 'zh-CN' | 'en';
  digest_time: string | null;
  digest_zone: string | null;
  settings: Record<string, string> | string;
  secret: string;
  rate_per_minute: number;
  enabled: boolean;
  created_at: string;
}

/** A channel with its secret opened: only the delivery worker holds one, never an answer or a log line. */
export interface OpenChannel extends ChannelView {
  full: ChannelSettings;
}

const COLUMNS = `channel_id, department_id, person_id, kind, label, locale, digest_time, digest_zone, settings, secret, rate_per_minute, enabled,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at`;

function toView(row: ChannelRow): ChannelView {
  return {
    channelId: row.channel_id,
    departmentId: row.department_id,
    personId: row.person_id,
    kind: row.kind,
    label: row.label,
    locale: row.locale,
    digest: row.digest_time ? { time: row.digest_time, ...(row.digest_zone && { zone: row.digest_zone }) } : null,
    ratePerMinute: row.rate_per_minute,
    settings: typeof row.settings === 'string' ? JSON.parse(row.settings) : row.settings,
    secretSet: row.secret.length > 0,
    enabled: row.enabled,
    createdAt: row.created_at,
  };
}

/**
 * notification_channels: written by the admin routes, read by the notifications projection (which
 * channels a department has) and the delivery worker (the opened secret). A channel hears of the
 * events recorded after it was created (created_at is the database's clock, like recorded_at).
 */
export class ChannelStore {
  constructor(
    private readonly database: SqlQueryable,
    /** Opened lazily: a process that never touches a secret needs no key. */
    private readonly box: () => SecretBox,
  ) {}

  async create(input: CreateChannelInput): Promise<ChannelView> {
    const channelId = `ch-${randomUUID()}`;
    const { shown, secret } = splitSettings(input.settings);
    const sealed = this.box().seal(JSON.stringify(secret), channelId);
    const [row] = await this.database.query<ChannelRow>(
      `insert into notification_channels (channel_id, department_id, person_id, kind, label, locale, digest_time, digest_zone, settings, secret, rate_per_minute, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, clock_timestamp(), clock_timestamp()) returning ${COLUMNS}`,
      [
        channelId, input.departmentId, input.personId ?? null, input.settings.kind, input.label ?? `${input.departmentId} ${input.settings.kind}`, input.locale,
        input.digest?.time ?? null, input.digest?.zone ?? null, JSON.stringify(shown), sealed, input.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE[input.settings.kind],
      ],
    );
    return toView(row);
  }

  async list(filter: { departmentId?: string } = {}): Promise<ChannelView[]> {
    const rows = await this.database.query<ChannelRow>(
      `select ${COLUMNS} from notification_channels where ($1::text is null or department_id = $1) order by department_id, created_at, channel_id`,
      [filter.departmentId ?? null],
    );
    return rows.map(toView);
  }

  async get(channelId: string): Promise<ChannelView | undefined> {
    const [row] = await this.database.query<ChannelRow>(`select ${COLUMNS} from notification_channels where channel_id = $1`, [channelId]);
    return row && toView(row);
  }

  /** The channel with its secret, for sending. */
  async open(channelId: string): Promise<OpenChannel | undefined> {
    const [row] = await this.database.query<ChannelRow>(`select ${COLUMNS} from notification_channels where channel_id = $1`, [channelId]);
    if (!row) return undefined;
    const view = toView(row);
    const secret = JSON.parse(this.box().open(row.secret, row.channel_id)) as Record<string, string>;
    const full = joinSettings(row.kind, view.settings, secret);
    return { ...view, full };
  }

  /** Stops new rows for the channel; rows already waiting are given up by the worker. */
  async disable(channelId: string): Promise<ChannelView | undefined> {
    const [row] = await this.database.query<ChannelRow>(
      `update notification_channels set enabled = false, updated_at = clock_timestamp() where channel_id = $1 returning ${COLUMNS}`, [channelId]);
    return row && toView(row);
  }
}
