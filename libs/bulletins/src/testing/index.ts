// Test helpers for other projects' tests: `@planledger/bulletins/testing`. Never imported by runtime code.
export { knownHistory, type HistoryStep } from './known-history';
