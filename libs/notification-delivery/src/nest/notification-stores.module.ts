import { Global, Module } from '@nestjs/common';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE, SERVICE_CONFIG, type ServiceConfig } from '@planledger/runtime';
import { ChannelStore } from '../channels/channel-store';
import { loadNotificationConfig, type NotificationConfig } from '../config/notification-config';
import { loadNotificationKey } from '../crypto/notification-key';
import { SecretBox } from '../crypto/secret-box';
import { OutboxStore } from '../outbox/outbox-store';
import { CHANNEL_STORE, NOTIFICATION_CONFIG, OUTBOX_STORE } from './notification-tokens';

/**
 * The notification tables' stores, for the api and the worker. The secrets key is read the first
 * time a secret is sealed or opened: a process that never touches one starts without it.
 */
@Global()
@Module({
  providers: [
    { provide: NOTIFICATION_CONFIG, useFactory: (): NotificationConfig => loadNotificationConfig(process.env) },
    {
      provide: CHANNEL_STORE,
      inject: [SERVICE_CONFIG, NOTIFICATION_CONFIG, EVENT_STORAGE],
      useFactory: (config: ServiceConfig, notify: NotificationConfig, storage: EventStorage) => {
        let box: SecretBox | undefined;
        const shared = Boolean(config.DATABASE_URL || config.KURRENTDB_URL);
        return new ChannelStore(storage.database, () => (box ??= new SecretBox(loadNotificationKey({ keyFile: notify.NOTIFICATION_KEY_FILE, dataDir: config.DATA_DIR, shared }))));
      },
    },
    { provide: OUTBOX_STORE, inject: [EVENT_STORAGE], useFactory: (storage: EventStorage) => new OutboxStore(storage.database) },
  ],
  exports: [NOTIFICATION_CONFIG, CHANNEL_STORE, OUTBOX_STORE],
})
export class NotificationStoresModule {}
