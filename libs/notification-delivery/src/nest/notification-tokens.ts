/** Providers of the notification modules that the api injects (admin routes, the outbox viewer). */
export const NOTIFICATION_CONFIG = Symbol('NotificationConfig'); // NotificationConfig
export const CHANNEL_STORE = Symbol('ChannelStore'); // ChannelStore (secrets opened with the lazily loaded key)
export const OUTBOX_STORE = Symbol('OutboxStore'); // OutboxStore
export const NOTIFICATION_QUEUE = Symbol('NotificationQueue'); // NotificationQueue (worker role only)
