export { compileSchedule, type CompileOptions } from './compile-schedule';
export { ScheduleCompilationError } from './schedule-compilation-error';
export { holidayCoverageMessage, uncoveredDueDates, type UncoveredDueDates } from './holiday-coverage';
