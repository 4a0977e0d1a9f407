// Test helpers for other projects' tests: `@planledger/event-store/testing`. Never imported by runtime code.
export { openFreshPgliteStore } from './pglite-template';
export { createTestDatabase, withMaintenanceClient, maintenanceUrl, type TestDatabase } from './postgres-test-database';
