import type { BudgetPeriod } from '../keys/api-key-record.js';

export interface PeriodWindow {
  readonly start: Date;
  /** Start of the next period; undefined for `total`. */
  readonly end: Date | undefined;
}

/** The UTC period containing `now`: a day, an ISO week (from Monday), a calendar month, or all time. */
export function periodWindow(period: BudgetPeriod, now: Date): PeriodWindow {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const day = now.getUTCDate();
  switch (period) {
    case 'daily':
      return { start: new Date(Date.UTC(year, month, day)), end: new Date(Date.UTC(year, month, day + 1)) };
    case 'weekly': {
      const sinceMonday = (now.getUTCDay() + 6) % 7;
      return { start: new Date(Date.UTC(year, month, day - sinceMonday)), end: new Date(Date.UTC(year, month, day - sinceMonday + 7)) };
    }
    case 'monthly':
      return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
    case 'total':
      return { start: new Date(0), end: undefined };
  }
}
