export * from './notification';
export { deriveNotifications, PUBLISHED_ITEMS_LISTED, type DeriveContext } from './derive/derive-notifications';
export { renderMessage, messageParts, shapeMessage, linkOf, type RenderOptions, type MessageParts } from './render/render-message';
export { formatDue, formatDay } from './render/format-instant';
export { nextDigestAt, type DigestSchedule } from './digest/digest-schedule';
export { renderDigest, type DigestOptions } from './digest/render-digest';
export { deriveBulletinNotifications, type IssuedBulletinFacts } from './derive/derive-bulletin-notifications';
