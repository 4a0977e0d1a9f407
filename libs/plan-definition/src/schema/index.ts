export * from './primitives.schema';
export * from './deadline.schema';
export * from './coarse-deadline.schema';
export * from './school-calendar.schema';
export * from './recurring-deadline.schema';
export * from './policy.schema';
export * from './plan-definition.schema';
export * from './assessment.schema';
