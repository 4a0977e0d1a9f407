import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandExecutor, type Clock } from '@planledger/engine';
import { openEventStorage, type EventStorage } from '@planledger/event-store';
import { migrateReadModels, rebuildReadModels } from '@planledger/projections';
import { CLOCK, COMMAND_EXECUTOR, EVENT_STORAGE, METRICS, REDIS_OPTIONS, SERVICE_CONFIG, ServiceMetrics } from '@planledger/runtime';
import { ApiModule } from '../api.module';
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
  metrics: ServiceMetrics;
  /** Mutable: tests switch the virtual clock and the Redis address. */
  config: { VIRTUAL_CLOCK: boolean };
  redis: { url: string };
  /** Fills the read models from the store (what the projection runner does continuously). */
  project(): Promise<void>;
  close(): Promise<void>;
}

export interface ApiTestOptions {
  now?: Date;
  redisUrl?: string;
  advancer?: VirtualClockAdvancer;
}

/**
 * The api over real parts: in-memory PGlite store, the engine's CommandExecutor, the projections'
 * tables; only the clock is fixed. Provided as the CoreModule would, globally.
 */
export async function startApiTestApp(options: ApiTestOptions = {}): Promise<ApiTestApp> {
  const storage = await openEventStorage({});
  await migrateReadModels(storage.database);
  const metrics = new ServiceMetrics();
  const executor = new CommandExecutor(storage.store, metrics.commandObserver());
  const clock = new FixedClock(options.now ?? new Date('2031-01-10T02:00:00Z'));
  const config = { VIRTUAL_CLOCK: false };
  const redis = { url: options.redisUrl ?? 'redis://127.0.0.1:1' };
  const core: DynamicModule = {
    module: class TestCoreModule {},
    global: true,
    providers: [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: EVENT_STORAGE, useValue: storage },
      { provide: CLOCK, useValue: clock },
      { provide: COMMAND_EXECUTOR, useValue: executor },
      { provide: METRICS, useValue: metrics },
      { provide: REDIS_OPTIONS, useValue: redis },
      ...(options.advancer ? [{ provide: VIRTUAL_CLOCK_ADVANCER, useValue: options.advancer }] : []),
    ],
    exports: [SERVICE_CONFIG, EVENT_STORAGE, CLOCK, COMMAND_EXECUTOR, METRICS, REDIS_OPTIONS, ...(options.advancer ? [VIRTUAL_CLOCK_ADVANCER] : [])],
  };
  const app = await NestFactory.create({ module: class ApiTestRoot {}, imports: [core, ApiModule] }, { logger: false, forceCloseConnections: true });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url, app, storage, executor, clock, metrics, config, redis,
    project: async () => {
      await rebuildReadModels({ store: storage.store, database: storage.database });
    },
    close: async () => {
      await app.close();
      await storage.close();
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
