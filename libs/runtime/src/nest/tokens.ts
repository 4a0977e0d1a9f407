/** Injection tokens shared by the api and worker apps (values provided by CoreModule). */
export const SERVICE_CONFIG = Symbol('ServiceConfig'); // ServiceConfig
export const SERVICE_ROLES = Symbol('ServiceRoles'); // ServiceRoles
export const EVENT_STORAGE = Symbol('EventStorage'); // EventStorage from @planledger/event-store: { store, database, kind }
export const CLOCK = Symbol('Clock'); // Clock from @planledger/engine (virtual or system)
export const COMMAND_EXECUTOR = Symbol('CommandExecutor'); // CommandExecutor from @planledger/engine
export const REDIS_OPTIONS = Symbol('RedisOptions'); // { url: string } — the Redis every BullMQ connection uses
export const METRICS = Symbol('Metrics'); // ServiceMetrics (prom-client registry and counters)
export const APPEND_SIGNAL = Symbol('AppendSignal'); // AppendSignal: notify() after appends, the projection runner listens
export const STORE_ID = Symbol('StoreId'); // string: the event store's identity (EventStore.storeId), read once at start
export const VIRTUAL_CLOCK = Symbol('VirtualClock'); // VirtualClock when --virtual-clock, else undefined
// Clock from @planledger/engine: real time, never the virtual clock. People's sessions (idle and absolute
// timeouts) run on it, so that moving the demo's business clock does not sign everyone out.
export const WALL_CLOCK = Symbol('WallClock');
// { file?: string; days: HolidayFileDay[] } from @planledger/plan-definition: the deployer's PLANLEDGER_HOLIDAYS_FILE, read once at start
export const HOLIDAY_FILE = Symbol('HolidayFile');
