export * from './shared/time';
export * from './shared/actor';
export * from './schedule/plan-schedule';
