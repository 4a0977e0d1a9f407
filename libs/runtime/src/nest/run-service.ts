import { readFileSync } from 'node:fs';
import type { DynamicModule, INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { InvalidConfigError, StoreUnavailableError, type SqlExecutor } from '@planledger/event-store';
import { loadHolidaysFile } from '@planledger/plan-definition';
import { migrateReadModels } from '@planledger/projections';
import { timerQueueName } from '../config/queue-name';
import { ConfigError, loadServiceConfig, type ServiceConfig, type ServiceRoles } from '../config/service-config';
import { ensureRedis, RedisUnavailableError } from '../redis/ensure-redis';
import { ensurePortFree, isAddressInUse, PortInUseError } from '../http/ensure-port-free';
import { openConfiguredStorage, type CoreOptions } from './core.module';

export interface RunServiceOptions {
  /** For messages: "planledger", "planledger worker". */
  name: string;
  roles: ServiceRoles;
  env: NodeJS.ProcessEnv;
  /** The process's root module, given what CoreModule needs. */
  module: (core: CoreOptions) => DynamicModule;
  /**
   * The schema the process's modules need beyond the event store's (applied when it opens) and the
   * read models' (always): e.g. the timers' tables. Runs before Nest starts, so no module ever
   * waits for a table; safe from many processes at once.
   */
  migrate?: (database: SqlExecutor) => Promise<void>;
  /** With the api role: middleware and filters before listening. */
  configureHttp?: (app: INestApplication) => void;
  /** After start, e.g. the demo's import. */
  afterStart?: (address: string) => Promise<void>;
}

/**
 * Starts one planledger process: configuration (zod, one line per bad variable), Redis (found or
 * started), the event store, then Nest. SIGTERM/SIGINT stop taking work, finish running jobs,
 * close connections, stop a Redis this process started, and exit; SHUTDOWN_TIMEOUT_SECONDS caps it.
 */
export async function runService(options: RunServiceOptions): Promise<void> {
  try {
    await start(options);
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof HolidaysFileError || error instanceof RedisUnavailableError || error instanceof InvalidConfigError || error instanceof PortInUseError;
    const what = known ? '' : error instanceof StoreUnavailableError ? 'the event store is unavailable: ' : 'could not start: ';
    process.stderr.write(`${options.name}: ${what}${(error as Error)?.message ?? String(error)}\n`);
    process.exit(known ? 2 : 1);
  }
}

/** PLANLEDGER_HOLIDAYS_FILE is missing or invalid: the message names the variable, the file and each line. */
class HolidaysFileError extends Error {}

async function start(options: RunServiceOptions): Promise<void> {
  const config: ServiceConfig = loadServiceConfig(options.env);
  // Before anything opens: a plan compiled without the deployer's days would carry wrong due dates.
  const holidayFile = loadHolidaysFile(options.env, (path) => readFileSync(path, 'utf8'));
  if (!holidayFile.ok) throw new HolidaysFileError(holidayFile.message);
  if (options.roles.api) await ensurePortFree(config.PORT, config.HOST);
  // Redis and the store start side by side: opening a new PGlite folder takes seconds.
  const [redisStarted, storageOpened] = await Promise.allSettled([
    ensureRedis({ redisUrl: config.REDIS_URL, spawnAllowed: config.REDIS_SPAWN, dataDir: config.DATA_DIR }),
    openConfiguredStorage(config),
  ]);
  if (redisStarted.status === 'rejected' || storageOpened.status === 'rejected') {
    if (redisStarted.status === 'fulfilled') await redisStarted.value.stop();
    if (storageOpened.status === 'fulfilled') await storageOpened.value.close().catch(() => undefined);
    throw redisStarted.status === 'rejected' ? redisStarted.reason : (storageOpened as PromiseRejectedResult).reason;
  }
  const redis = redisStarted.value;
  const storage = storageOpened.value;
  let storeId: string;
  try {
    await migrateReadModels(storage.database);
    await options.migrate?.(storage.database);
    storeId = await storage.store.storeId();
  } catch (error) {
    await storage.close().catch(() => undefined);
    await redis.stop();
    throw error;
  }
  const module = options.module({ config, roles: options.roles, redisUrl: redis.url, storage, storeId, holidayFile });
  // abortOnError false: a failure while starting reaches runService's catch and is said in one line.
  const nestOptions = { bufferLogs: true, abortOnError: false };
  const app: INestApplicationContext = options.roles.api ? await NestFactory.create(module, nestOptions) : await NestFactory.createApplicationContext(module, nestOptions);
  const logger = app.get(Logger);
  app.useLogger(logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping (finishing running jobs, closing connections)`);
    setTimeout(() => {
      logger.error(`still stopping after ${config.SHUTDOWN_TIMEOUT_SECONDS} s; exiting`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref();
    await app.close();
    await redis.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  const address = `http://localhost:${config.PORT}`;
  if (options.roles.api) {
    const http = app as INestApplication;
    options.configureHttp?.(http);
    await http.listen(config.PORT, config.HOST).catch((error: unknown) => {
      throw isAddressInUse(error) ? new PortInUseError(config.PORT, config.HOST) : error;
    });
  } else {
    await app.init();
  }
  logger.log({
    msg: `${options.name} started`,
    roles: Object.entries(options.roles).filter(([, on]) => on).map(([role]) => role),
    store: config.DATABASE_URL ? 'postgresql' : config.KURRENTDB_URL ? 'kurrentdb' : `pglite (${config.DATA_DIR})`,
    redis: `${redis.url} (${redis.origin})`,
    storeId,
    queue: timerQueueName(config.QUEUE_NAME, storeId),
    clock: config.VIRTUAL_CLOCK ? 'virtual' : 'system',
    ...(holidayFile.file && { holidays: `${holidayFile.file} (${holidayFile.days.length} days over chinese-days)` }),
    ...(options.roles.api && { api: address, docs: `${address}/docs` }),
  });
  await options.afterStart?.(address);
}
