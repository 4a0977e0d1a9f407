import 'reflect-metadata';
import { runService } from '@planledger/runtime';
import { migrateTimerTables } from '@planledger/timers';
import { WorkerAppModule } from './worker.module';

/**
 * A timer worker (and projection runner candidate) without HTTP, for scaling out beside the api:
 * run it with DATABASE_URL and REDIS_URL shared with the api processes (PGlite belongs to one
 * process). SIGTERM closes the BullMQ worker after its running jobs, then the database.
 */
void runService({
  name: 'planledger worker',
  roles: { api: false, worker: true, projections: true },
  env: process.env,
  migrate: migrateTimerTables,
  module: (core) => WorkerAppModule.forRoot(core),
});
