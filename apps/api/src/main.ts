import 'reflect-metadata';
import { runService } from '@planledger/runtime';
import { migrateTimerTables } from '@planledger/timers';
import { runDemo } from './bootstrap/demo';
import { parseServiceArguments, type ServiceArguments } from './bootstrap/service-arguments';
import { ServiceModule } from './bootstrap/service.module';
import { configureHttp } from './http/configure-http';

/**
 * planledger's service: `npm start` (every role, embedded PGlite under ./data, a Redis found or
 * started), or one role per process with DATABASE_URL and REDIS_URL (`--roles api,projections`).
 */
void (async () => {
  let args: ServiceArguments;
  try {
    args = parseServiceArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`planledger: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const env = { ...process.env };
  if (args.virtualClock) env.VIRTUAL_CLOCK = 'true';
  if (args.demo && !env.DATA_DIR) env.DATA_DIR = './data/demo';
  // The demo's own lines should not drown in request logs; LOG_LEVEL=info brings them back.
  if (args.demo && !env.LOG_LEVEL) env.LOG_LEVEL = 'warn';
  await runService({
    name: 'planledger',
    roles: args.roles,
    env,
    // Every role reads timer_firings (inboxes, upcoming timers), not only the worker.
    migrate: migrateTimerTables,
    module: (core) => ServiceModule.forRoot(core),
    configureHttp,
    afterStart: args.demo ? (address) => runDemo(address, (line) => process.stdout.write(`${line}\n`), env) : undefined,
  });
})();
