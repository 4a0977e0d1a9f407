import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, ensureRedis, loadServiceConfig, openConfiguredStorage, RedisUnavailableError } from '@planledger/runtime';
import { WorkerAppModule } from './worker.module';

/**
 * A timer worker (and projection runner candidate) without HTTP, for scaling out beside the api:
 * run it with DATABASE_URL and REDIS_URL shared with the api processes (PGlite belongs to one
 * process, so a separate worker on PGlite only makes sense alone). SIGTERM closes the BullMQ
 * worker after its running jobs, then the database.
 */
async function main(): Promise<void> {
  const config = loadServiceConfig(process.env);
  const redis = await ensureRedis({ redisUrl: config.REDIS_URL, spawnAllowed: config.REDIS_SPAWN, dataDir: config.DATA_DIR });
  // Opened before Nest starts: an unreachable database is one clear line, not a stack.
  const storage = await openConfiguredStorage(config);
  const app = await NestFactory.createApplicationContext(
    WorkerAppModule.forRoot({ config, roles: { api: false, worker: true, projections: true }, redisUrl: redis.url, storage }),
    { bufferLogs: true },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  // Nest's hooks close the worker (waiting for running jobs), the sweep, then storage.
  app.enableShutdownHooks();
  // Past SHUTDOWN_TIMEOUT_SECONDS a stuck job must not keep the process forever.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref());
  }
  await app.init();
  logger.log({
    msg: 'planledger worker started',
    queue: config.QUEUE_NAME,
    concurrency: config.WORKER_CONCURRENCY,
    store: config.DATABASE_URL ? 'postgresql' : config.KURRENTDB_URL ? 'kurrentdb' : `pglite (${config.DATA_DIR})`,
    redis: `${redis.url} (${redis.origin})`,
    clock: config.VIRTUAL_CLOCK ? 'virtual' : 'system',
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RedisUnavailableError) {
    process.stderr.write(`planledger worker: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`planledger worker: could not start: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
