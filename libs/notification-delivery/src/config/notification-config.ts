import { z } from 'zod';

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);
const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * The notifications' settings, from environment variables, parsed at start like the service's own
 * (a bad value names the variable and what it accepts).
 */
export const notificationConfigSchema = z.object({
  /** The web app's origin: messages link to `${PUBLIC_URL}/app/assignments/<planId>.<assignmentId>` when set. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  /** 32 bytes (64 hex digits or base64) that encrypt channel secrets; default DATA_DIR/keys/notification-secrets.key. */
  NOTIFICATION_KEY_FILE: z.string().min(1).optional(),
  /** The SMTP server e-mail channels send through, e.g. smtp://user:pass@mail.example:587 (smtps:// for TLS). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  SMTP_FROM: z.string().min(3).default('planledger <planledger@localhost>'),
  /** Prefix of the BullMQ queue `<NOTIFY_QUEUE_NAME>-<store id>`. */
  NOTIFY_QUEUE_NAME: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only').default('planledger-notify'),
  /** How often the outbox sweep looks for rows to put into Redis (ms): the delivery lag's floor. */
  NOTIFY_SWEEP_MS: positiveInt(60_000).default(250),
  /** Deliveries per worker process at once. */
  NOTIFY_CONCURRENCY: positiveInt(500).default(20),
  /** Attempts before a row goes to the dead-letter list. */
  NOTIFY_MAX_ATTEMPTS: positiveInt(100).default(8),
  /** A claimed row whose worker died is taken over after this (also the BullMQ lock). */
  NOTIFY_LOCK_SECONDS: positiveInt(600).default(30),
  /** First retry delay; each further one doubles it (capped at an hour). */
  NOTIFY_BACKOFF_MS: positiveInt(3_600_000).default(5_000),
  /** false: nothing leaves the machine, every message goes to the outbox viewer. Forced off under the virtual clock and in the demo. */
  NOTIFY_SEND: bool.default(true),
});

export type NotificationConfig = z.output<typeof notificationConfigSchema>;

export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const relevant = Object.fromEntries(Object.keys(notificationConfigSchema.shape).filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const parsed = notificationConfigSchema.safeParse(relevant);
  if (parsed.success) return parsed.data;
  throw new Error(`invalid configuration:\n${parsed.error.issues.map((issue) => `  ${String(issue.path[0])}="${env[String(issue.path[0])]}": ${issue.message}`).join('\n')}`);
}
