import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CommandExecutor, systemClock, type Clock } from '@planledger/engine';
import { openEventStorage, type EventStorage } from '@planledger/event-store';
import type { HolidayFileDay } from '@planledger/plan-definition';
import type { ServiceConfig, ServiceRoles } from '../config/service-config';
import { VirtualClock } from '../clock/virtual-clock';
import { ServiceMetrics } from '../metrics/service-metrics';
import { AppendSignal } from './append-signal';
import { APPEND_SIGNAL, CLOCK, COMMAND_EXECUTOR, EVENT_STORAGE, METRICS, REDIS_OPTIONS, SERVICE_CONFIG, SERVICE_ROLES, STORE_ID, VIRTUAL_CLOCK, WALL_CLOCK, HOLIDAY_FILE } from './tokens';

export interface CoreOptions {
  config: ServiceConfig;
  roles: ServiceRoles;
  redisUrl: string;
  /** Opened (and migrated) before Nest starts, so that an unreachable database is one clear line, not a stack. */
  storage: EventStorage;
  /** The store's identity (`storage.store.storeId()`): queue names and Redis keys derive from it. */
  storeId: string;
  /** The deployer's holiday days (PLANLEDGER_HOLIDAYS_FILE), checked before Nest starts; none when unset. */
  holidayFile?: { file?: string; days: HolidayFileDay[] };
}

/** Opens the event store and read-model database the configuration names. */
export const openConfiguredStorage = (config: ServiceConfig): Promise<EventStorage> =>
  openEventStorage({
    databaseUrl: config.DATABASE_URL,
    kurrentdbUrl: config.KURRENTDB_URL,
    dataDir: pgliteDirOf(config),
    maxConnections: config.DATABASE_POOL_SIZE,
  });

/** Closes the database last: Nest calls this after every module's onModuleDestroy (workers, runners). */
@Injectable()
class StorageCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}
  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}

/** Where PGlite keeps the embedded database under DATA_DIR. */
export const pgliteDirOf = (config: ServiceConfig): string => join(resolve(config.DATA_DIR), 'pglite');

/**
 * What every planledger process shares: configuration, the event store and its database, the
 * clock, the command executor, metrics and JSON logs with correlation ids.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    const { config } = options;
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // The api's correlation-id middleware has already put a sane id on the request (the
            // caller's X-Correlation-Id or a new one) and echoed it; the log line carries the same.
            genReqId: (req) => {
              const id = req.headers['x-correlation-id'];
              return typeof id === 'string' ? id : randomUUID();
            },
            customAttributeKeys: { reqId: 'correlationId' },
            // Bearer tokens (issue #5) and cookies never reach the log.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          },
        }),
      ],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_ROLES, useValue: options.roles },
        { provide: REDIS_OPTIONS, useValue: { url: options.redisUrl } },
        { provide: METRICS, useValue: new ServiceMetrics() },
        { provide: APPEND_SIGNAL, useValue: new AppendSignal() },
        { provide: EVENT_STORAGE, useValue: options.storage },
        { provide: STORE_ID, useValue: options.storeId },
        { provide: HOLIDAY_FILE, useValue: options.holidayFile ?? { days: [] } },
        {
          provide: VIRTUAL_CLOCK,
          inject: [EVENT_STORAGE],
          useFactory: async (storage: EventStorage) =>
            config.VIRTUAL_CLOCK ? VirtualClock.open(storage.database, new Date(config.VIRTUAL_CLOCK_START ?? new Date().toISOString())) : undefined,
        },
        { provide: CLOCK, inject: [VIRTUAL_CLOCK], useFactory: (virtual: VirtualClock | undefined): Clock => virtual ?? systemClock },
        { provide: WALL_CLOCK, useValue: systemClock },
        {
          provide: COMMAND_EXECUTOR,
          inject: [EVENT_STORAGE, METRICS, APPEND_SIGNAL],
          useFactory: (storage: EventStorage, metrics: ServiceMetrics, signal: AppendSignal) => {
            const counting = metrics.commandObserver();
            return new CommandExecutor(storage.store, {
              ...counting,
              commandHandled: (type, outcome) => {
                counting.commandHandled?.(type, outcome);
                if (outcome === 'accepted') signal.notify();
              },
            });
          },
        },
        StorageCloser,
      ],
      exports: [SERVICE_CONFIG, SERVICE_ROLES, REDIS_OPTIONS, METRICS, APPEND_SIGNAL, EVENT_STORAGE, STORE_ID, VIRTUAL_CLOCK, CLOCK, WALL_CLOCK, COMMAND_EXECUTOR, HOLIDAY_FILE, LoggerModule],
    };
  }
}
