import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandExecutor, type Clock } from '@planledger/engine';
import { openEventStorage, type EventStorage } from '@planledger/event-store';
import { migrateReadModels, rebuildReadModels } from '@planledger/projections';
import { CLOCK, COMMAND_EXECUTOR, EVENT_STORAGE, HOLIDAY_FILE, METRICS, REDIS_OPTIONS, SERVICE_CONFIG, ServiceMetrics, WALL_CLOCK } from '@planledger/runtime';
import { issueToken, loadSigningKeys, type Role, type SigningKeys } from '@planledger/auth';
import { ApiModule } from '../api.module';
import { SECRET_ANNOUNCER } from '../auth/auth-tokens';
import { VIRTUAL_CLOCK_ADVANCER, type VirtualClockAdvancer } from '../api-tokens';
import { configureHttp } from '../http/configure-http';

/** A clock the test sets by hand (business time for every command). */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  async now(): Promise<Date> {
    return new Date(this.current);
  }
  set(to: Date): void {
    this.current = new Date(to);
  }
}

export interface ApiTestApp {
  url: string;
  app: INestApplication;
  storage: EventStorage;
  executor: CommandExecutor;
  clock: FixedClock;
  /** Real time as the service sees it (WALL_CLOCK: people's sessions), set by hand. */
  wallClock: FixedClock;
  metrics: ServiceMetrics;
  /** Mutable: tests switch the virtual clock and the Redis address. */
  config: { VIRTUAL_CLOCK: boolean; DATA_DIR: string; RATE_LIMIT_PER_MINUTE: number; TIME_ZONE: string };
  /** The service's key pair (generated under config.DATA_DIR/keys on start). */
  keys: SigningKeys;
  /** `Authorization: Bearer …` of a token the service accepts, for the given person. */
  authAs(person: TestPerson): Promise<Record<string, string>>;
  redis: { url: string };
  /** Fills the read models from the store (what the projection runner does continuously). */
  project(): Promise<void>;
  close(): Promise<void>;
}

export interface TestPerson {
  roles: Role[];
  departments?: string[];
  subject?: string;
  name?: string;
  /** Default one hour. */
  lifetimeSeconds?: number;
  /** Issue time (default now): an hour back with the default lifetime gives an expired token. */
  issuedAt?: Date;
}

/** A signed token for a test person (the service's own key). */
export async function tokenFor(keys: SigningKeys, person: TestPerson): Promise<string> {
  const subject = person.subject ?? `${person.roles.join('+')}${person.departments?.length ? `@${person.departments.join('+')}` : ''}`;
  const { token } = await issueToken(keys, {
    subject, name: person.name ?? subject, roles: person.roles, departments: person.departments ?? [],
    lifetimeSeconds: person.lifetimeSeconds ?? 3600, now: person.issuedAt,
  });
  return token;
}

export interface ApiTestOptions {
  now?: Date;
  /** Requests per minute per token (default: high enough never to matter). */
  rateLimitPerMinute?: number;
  redisUrl?: string;
  advancer?: VirtualClockAdvancer;
  /** A PostgreSQL database instead of an in-memory PGlite one (several apps on one database act as a cluster). */
  databaseUrl?: string;
  /** Another app's storage, shared (a second api process on the same database); closed by its owner. */
  storage?: EventStorage;
  /** Another app's clock, shared, so that both apps see the same business time. */
  clock?: FixedClock;
  /** Another app's real-time clock (sessions), shared likewise. */
  wallClock?: FixedClock;
  /** PUBLIC_URL of the service (links, CSRF origin, Secure cookies). */
  publicUrl?: string;
  /** Receives the start-up lines that hold a secret (first-admin link, admin token); silent by default. */
  announce?: (line: string) => void;
}

/**
 * The api over real parts: in-memory PGlite store, the engine's CommandExecutor, the projections'
 * tables; only the clock is fixed. Provided as the CoreModule would, globally.
 */
export async function startApiTestApp(options: ApiTestOptions = {}): Promise<ApiTestApp> {
  const storage = options.storage ?? (await openEventStorage(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}));
  await migrateReadModels(storage.database);
  const metrics = new ServiceMetrics();
  const executor = new CommandExecutor(storage.store, metrics.commandObserver());
  const clock = options.clock ?? new FixedClock(options.now ?? new Date('2031-01-10T02:00:00Z'));
  // Real time for the sessions (WALL_CLOCK), set by hand too; it starts where business time starts.
  const wallClock = options.wallClock ?? new FixedClock(await clock.now());
  const config = {
    VIRTUAL_CLOCK: false, DATA_DIR: mkdtempSync(join(tmpdir(), 'planledger-api-')), RATE_LIMIT_PER_MINUTE: options.rateLimitPerMinute ?? 1_000_000, TIME_ZONE: 'Asia/Shanghai',
    ...(options.publicUrl && { PUBLIC_URL: options.publicUrl }),
  };
  const redis = { url: options.redisUrl ?? 'redis://127.0.0.1:1' };
  const core: DynamicModule = {
    module: class TestCoreModule {},
    global: true,
    providers: [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: EVENT_STORAGE, useValue: storage },
      { provide: CLOCK, useValue: clock },
      { provide: WALL_CLOCK, useValue: wallClock },
      { provide: COMMAND_EXECUTOR, useValue: executor },
      { provide: METRICS, useValue: metrics },
      { provide: REDIS_OPTIONS, useValue: redis },
      { provide: SECRET_ANNOUNCER, useValue: options.announce ?? (() => undefined) },
      // No deployer holiday file: chinese-days alone, as a service started without PLANLEDGER_HOLIDAYS_FILE (ADR 0021).
      { provide: HOLIDAY_FILE, useValue: { days: [] } },
      ...(options.advancer ? [{ provide: VIRTUAL_CLOCK_ADVANCER, useValue: options.advancer }] : []),
    ],
    exports: [SERVICE_CONFIG, EVENT_STORAGE, CLOCK, WALL_CLOCK, COMMAND_EXECUTOR, METRICS, REDIS_OPTIONS, SECRET_ANNOUNCER, HOLIDAY_FILE, ...(options.advancer ? [VIRTUAL_CLOCK_ADVANCER] : [])],
  };
  const app = await NestFactory.create({ module: class ApiTestRoot {}, imports: [core, ApiModule] }, { logger: false, forceCloseConnections: true });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const keys = await loadSigningKeys({ dataDir: config.DATA_DIR, createIfMissing: false });
  return {
    url, app, storage, executor, clock, wallClock, metrics, config, redis, keys,
    authAs: async (person) => ({ authorization: `Bearer ${await tokenFor(keys, person)}` }),
    project: async () => {
      await rebuildReadModels({ store: storage.store, database: storage.database });
    },
    close: async () => {
      await app.close();
      if (!options.storage) await storage.close();
    },
  };
}

/** fetch with a JSON (or text) body; returns status, headers and the parsed body. */
export async function call(
  base: string, method: string, path: string,
  options: { json?: unknown; text?: string; contentType?: string; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are checked field by field in the tests
): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.text !== undefined) {
    body = options.text;
    headers['content-type'] = options.contentType ?? 'text/yaml';
  }
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
