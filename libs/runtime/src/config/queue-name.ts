/**
 * The BullMQ queue of one installation: QUEUE_NAME as a prefix, the store's identity after it.
 * Every Redis key of the queue (`bull:<queue>:…`, the epoch included) sits under this name, so
 * two installations sharing a Redis never see each other's jobs, whatever QUEUE_NAME says.
 */
export const timerQueueName = (prefix: string, storeId: string): string => `${prefix}-${storeId}`;
