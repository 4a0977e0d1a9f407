import type { WorkState } from './progress-queries';

/**
 * The matrix's and the timeline's colours per state: dark text on a pale ground for cells (WCAG
 * AA at small sizes, checked by axe-core in the browser tests), the strong colour for marks.
 */
export const STATE_COLOURS: Record<WorkState, { text: string; background: string; strong: string }> = {
  accepted: { text: '#1e6b0a', background: '#e3f5d8', strong: '#389e0d' },
  on_time: { text: '#0b4fa8', background: '#e8f1ff', strong: '#1f5fbf' },
  due_soon: { text: '#7a4100', background: '#ffedcc', strong: '#d46b08' },
  overdue: { text: '#a8071a', background: '#ffe1de', strong: '#c4161c' },
  escalated: { text: '#ffffff', background: '#a8071a', strong: '#820014' },
  not_issued: { text: '#4a4a4a', background: '#f3f3f3', strong: '#8c8c8c' },
};

/** The order in which a cell takes its colour: the worst state present. */
export const WORST_FIRST: WorkState[] = ['escalated', 'overdue', 'due_soon', 'on_time', 'not_issued', 'accepted'];
