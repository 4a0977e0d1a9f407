import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CoreModule, ProjectionsModule, type CoreOptions } from '@planledger/runtime';
import { TimerWorkerModule } from '@planledger/timers';
import { NotificationWorkerModule } from '@planledger/notification-delivery';
import { ApiModule } from '../api.module';
import { ClockAdvancerModule } from './clock-advancer.module';

/**
 * One process's modules, by role: the HTTP api, the timer worker, the projections. Core and
 * projections' tables are always there (the api reads them); the runner itself runs only where
 * the projections role is given, and then only while it holds the lease.
 */
@Module({})
export class ServiceModule {
  static forRoot(options: CoreOptions): DynamicModule {
    const { roles } = options;
    const imports: (Type | DynamicModule)[] = [CoreModule.forRoot(options), ProjectionsModule];
    if (roles.worker) imports.push(TimerWorkerModule, NotificationWorkerModule);
    if (roles.api) imports.push(ClockAdvancerModule, ApiModule);
    return { module: ServiceModule, imports };
  }
}
