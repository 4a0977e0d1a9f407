// Test helpers for other projects' tests: `@planledger/notification-delivery/testing`. Never imported by runtime code.
export * from './receivers';
export * from './delivery-test-kit';
