import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, ProjectionsModule, type CoreOptions } from '@planledger/runtime';
import { TimerWorkerModule } from '@planledger/timers';
import { NotificationWorkerModule } from '@planledger/notification-delivery';

/** A worker process: timers, notification deliveries and projections, no HTTP. */
@Module({})
export class WorkerAppModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return { module: WorkerAppModule, imports: [CoreModule.forRoot(options), ProjectionsModule, TimerWorkerModule, NotificationWorkerModule] };
  }
}
