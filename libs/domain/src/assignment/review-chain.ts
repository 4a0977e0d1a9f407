import type { Obligation } from '../schedule/plan-schedule';

/** Reviewers in order, then the receiving office: 学校起草 → 包点联校负责人审核 → 报办公室. */
export const reviewChainOf = (obligation: Pick<Obligation, 'reviewers' | 'submitTo'> | undefined): string[] =>
  obligation ? [...obligation.reviewers, ...(obligation.submitTo ? [obligation.submitTo] : [])] : [];
