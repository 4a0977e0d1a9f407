export * from './config/service-config';
export * from './nest/tokens';
export { AppendSignal } from './nest/append-signal';
export { CoreModule, openConfiguredStorage, pgliteDirOf, type CoreOptions } from './nest/core.module';
export { VirtualClock } from './clock/virtual-clock';
export { ServiceMetrics } from './metrics/service-metrics';
export { ensureRedis, RedisUnavailableError, type RedisHandle } from './redis/ensure-redis';
export { ProjectionsModule, ProjectionsLifecycle } from './nest/projections.module';
export { runService, type RunServiceOptions } from './nest/run-service';
