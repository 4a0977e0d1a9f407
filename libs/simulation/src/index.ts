export * from './simulate-plan';
export * from './behaviour';
export * from './timeline';
export { InMemoryEventStore, type SimulatedCommand } from './in-memory-store';
export { PriorityQueue } from './priority-queue';
export { Agenda } from './agenda';
export * from './plan-preview';
