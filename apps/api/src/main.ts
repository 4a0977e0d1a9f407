import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { StoreUnavailableError, InvalidConfigError } from '@planledger/event-store';
import { ConfigError, ensureRedis, loadServiceConfig, openConfiguredStorage, RedisUnavailableError, type RedisHandle } from '@planledger/runtime';
import { ArgumentError, parseServiceArguments } from './bootstrap/service-arguments';
import { ServiceModule } from './bootstrap/service.module';
import { configureHttp } from './http/configure-http';
import { runDemo } from './bootstrap/demo';

/**
 * planledger's service: `npm start` (every role, embedded PGlite under ./data, a Redis found or
 * started), or one role per process with DATABASE_URL and REDIS_URL. Bad settings stop it with a
 * message naming the setting; SIGTERM stops taking work, finishes what runs, closes connections.
 */
async function main(): Promise<void> {
  const args = parseServiceArguments(process.argv.slice(2));
  const env = { ...process.env };
  if (args.virtualClock) env.VIRTUAL_CLOCK = 'true';
  if (args.demo && !env.DATA_DIR) env.DATA_DIR = './data/demo';
  const config = loadServiceConfig(env);
  const redis: RedisHandle = await ensureRedis({ redisUrl: config.REDIS_URL, spawnAllowed: config.REDIS_SPAWN, dataDir: config.DATA_DIR });
  // abortOnError false: a failure while starting reaches the catch below and is said in one line.
  const nestOptions = { bufferLogs: true, abortOnError: false };
  const storage = await openConfiguredStorage(config).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  const module = ServiceModule.forRoot({ config, roles: args.roles, redisUrl: redis.url, storage });
  const app = args.roles.api ? await NestFactory.create(module, nestOptions) : await NestFactory.createApplicationContext(module, nestOptions);
  const logger = app.get(Logger);
  app.useLogger(logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping (finishing running jobs, closing connections)`);
    const force = setTimeout(() => {
      logger.error(`still stopping after ${config.SHUTDOWN_TIMEOUT_SECONDS} s; exiting`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref();
    await app.close();
    await redis.stop();
    clearTimeout(force);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  if (args.roles.api) {
    const http = app as INestApplication;
    configureHttp(http);
    await http.listen(config.PORT, config.HOST);
  } else {
    await app.init();
  }
  const address = `http://localhost:${config.PORT}`;
  logger.log({
    msg: 'planledger started',
    roles: Object.entries(args.roles).filter(([, on]) => on).map(([role]) => role),
    store: config.DATABASE_URL ? 'postgresql' : config.KURRENTDB_URL ? 'kurrentdb' : `pglite (${config.DATA_DIR})`,
    redis: `${redis.url} (${redis.origin})`,
    clock: config.VIRTUAL_CLOCK ? 'virtual' : 'system',
    ...(args.roles.api && { api: address, docs: `${address}/docs` }),
  });
  if (args.demo) await runDemo(address, (line) => process.stdout.write(`${line}\n`));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ArgumentError || error instanceof RedisUnavailableError || error instanceof InvalidConfigError) {
    process.stderr.write(`planledger: ${error.message}\n`);
    process.exit(2);
  }
  const what = error instanceof StoreUnavailableError ? 'the event store is unavailable' : 'could not start';
  process.stderr.write(`planledger: ${what}: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
