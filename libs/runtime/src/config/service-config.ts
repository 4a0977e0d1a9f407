import { z } from 'zod';
import { isValidTimeZone } from '@planledger/calendar';

const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/**
 * Every setting the service reads, from environment variables. Parsed once at start; a bad value
 * stops the process with the variable's name and what it accepts (see `loadServiceConfig`).
 */
export const serviceConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Where uploaded documents are kept, content-addressed (ab/cdef… by SHA-256). Default DATA_DIR/files,
   * with every store: on PostgreSQL or KurrentDB the events hold only the hashes, so every api
   * process of a cluster must see the same folder here (a shared volume), and it belongs in backups.
   */
  FILES_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  KURRENTDB_URL: z.string().regex(/^(kurrentdb|kdb|esdb)(\+discover)?:\/\//, 'must be a kurrentdb:// URL').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** Start a redis-server child when REDIS_URL is unset and nothing answers on 127.0.0.1:6379. */
  REDIS_SPAWN: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Timers due within this many hours are materialised as BullMQ jobs; later ones wait in the store. */
  TIMER_HORIZON_HOURS: positiveInt(24 * 31).default(24),
  /** How often the sweep re-reads pending timers from the store (seconds). */
  TIMER_SWEEP_SECONDS: positiveInt(3600).default(15),
  /** Jobs each worker process runs at once. */
  WORKER_CONCURRENCY: positiveInt(500).default(20),
  /** A job's lock: a worker that dies (kill -9) has its running timers taken over after this. */
  TIMER_LOCK_SECONDS: positiveInt(600).default(30),
  /** Virtual clock: timers due at one instant are fired in jobs of at most this many. */
  TIMER_BUCKET_SIZE: positiveInt(10_000).default(100),
  /** Polling interval of the projection runner once caught up (ms). */
  PROJECTION_POLL_MS: positiveInt(60_000).default(50),
  /** BullMQ queue name: two services can share a Redis under different names. */
  QUEUE_NAME: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only').default('planledger-timers'),
  /** Never in production: business time is set through POST /admin/clock. Also --virtual-clock. */
  VIRTUAL_CLOCK: bool.default(false),
  /** Virtual clock's first value when none is stored yet (ISO-8601). */
  VIRTUAL_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  DATABASE_POOL_SIZE: positiveInt(200).default(10),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(600).default(30),
  /**
   * The token signing key (PKCS#8 PEM, ES256). Without it, the embedded default generates one
   * under DATA_DIR/keys; with DATABASE_URL or KURRENTDB_URL it is required, since every api
   * process of a cluster must verify the same tokens.
   */
  AUTH_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  /** Only the public key: this process verifies tokens but cannot issue any (POST /admin/people answers 503). */
  AUTH_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  /** An external OpenID Connect issuer instead of the service's own key (with AUTH_OIDC_JWKS_URL). */
  AUTH_OIDC_ISSUER: httpUrl.optional(),
  AUTH_OIDC_JWKS_URL: httpUrl.optional(),
  /** Dotted path of the claim holding planledger roles (e.g. realm_access.roles). */
  AUTH_OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  AUTH_OIDC_DEPARTMENTS_CLAIM: z.string().min(1).default('departments'),
  /** The `aud` OIDC tokens must carry, if any. */
  AUTH_OIDC_AUDIENCE: z.string().min(1).optional(),
  /** Zone of the instants in answers that concern no plan (clock, people, audit streams); a plan's own answers use its zone. */
  TIME_ZONE: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  /** Requests per minute for each token (each address, without one). */
  RATE_LIMIT_PER_MINUTE: positiveInt(1_000_000).default(600),
  /** The address people reach the service at (e.g. https://planledger.example.org): links in invitations, the CSRF Origin check, Secure cookies. Default http://localhost:PORT. */
  PUBLIC_URL: httpUrl.optional(),
}).refine((c) => !(c.DATABASE_URL && c.KURRENTDB_URL), { message: 'set DATABASE_URL or KURRENTDB_URL, not both', path: ['KURRENTDB_URL'] })
  .refine((c) => !c.AUTH_OIDC_ISSUER === !c.AUTH_OIDC_JWKS_URL, { message: 'AUTH_OIDC_ISSUER and AUTH_OIDC_JWKS_URL go together', path: ['AUTH_OIDC_JWKS_URL'] })
  .refine((c) => !(c.AUTH_OIDC_ISSUER && (c.AUTH_PRIVATE_KEY_FILE || c.AUTH_PUBLIC_KEY_FILE)), { message: 'set either an OIDC issuer or the service key files, not both', path: ['AUTH_OIDC_ISSUER'] });

export type ServiceConfig = z.output<typeof serviceConfigSchema>;

/** What this process runs: `npm start` runs all three; several processes may split them. */
export interface ServiceRoles {
  api: boolean;
  worker: boolean;
  projections: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming each bad variable and what it accepts. */
export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const relevant = Object.fromEntries(Object.keys(serviceConfigSchema.shape).filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const parsed = serviceConfigSchema.safeParse(relevant);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(environment)');
    const value = env[name];
    return `${name}${value === undefined ? '' : `="${value}"`}: ${issue.message}`;
  }));
}
