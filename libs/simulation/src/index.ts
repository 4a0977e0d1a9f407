export * from './simulate-plan';
export * from './behaviour';
export * from './timeline';
export { PriorityQueue } from './priority-queue';
