/** Providers of TimerWorkerModule that other modules may inject (the api's POST /admin/clock). */
export const TIMER_QUEUE = Symbol('TimerQueue'); // TimerQueue, timer_enqueued migrated
export const TIMER_PROCESSOR = Symbol('TimerProcessor'); // TimerProcessor
export const TIMER_OBSERVER = Symbol('TimerObserver'); // TimerObserver feeding ServiceMetrics
