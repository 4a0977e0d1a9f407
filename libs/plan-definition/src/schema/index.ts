export * from './primitives.schema';
export * from './deadline.schema';
export * from './policy.schema';
export * from './plan-definition.schema';
