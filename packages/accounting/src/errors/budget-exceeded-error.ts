import { GatewayError } from '@switchyard/core';

export interface BudgetExceededDetails {
  readonly limitUsd: number;
  readonly period: string;
  /** Start of the next period as an ISO string; undefined for a `total` budget. */
  readonly resetsAt: string | undefined;
}

/**
 * 402 `budget_exceeded`. 402 is not in the retry list of the OpenAI SDKs (408, 409, 429, 5xx), and
 * `x-should-retry: false` overrides every SDK retry rule, so a spent budget is never retried.
 */
export class BudgetExceededError extends GatewayError {
  readonly details: BudgetExceededDetails;

  constructor(details: BudgetExceededDetails) {
    const when = details.resetsAt === undefined ? 'Raise the budget to continue.' : `It resets at ${details.resetsAt}.`;
    super({
      status: 402,
      type: 'insufficient_quota',
      code: 'budget_exceeded',
      message: `The ${details.period} budget of this key (${details.limitUsd} USD) cannot cover this request. ${when}`,
      headers: { 'x-should-retry': 'false' },
      isRetryable: false,
    });
    this.name = 'BudgetExceededError';
    this.details = details;
  }
}
