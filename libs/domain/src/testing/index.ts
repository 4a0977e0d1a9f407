// Fixtures for other projects' tests: `@planledger/domain/testing`. Never imported by runtime code.
export * from './fixtures';
