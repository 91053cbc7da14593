import type { MeteredCall } from './request-meter.js';

/** What a ledger row records about who asked and why, from the request body. */
export interface CallAttribution {
  /** The request's `user`, else its `safety_identifier` (end-user tracking). */
  readonly user: string | null;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, string>>;
}

/** The attribution of a request row with no metered call (a background run that failed before any). */
export const noAttribution: CallAttribution = { user: null, tags: [], metadata: {} };

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** A call's attribution: its string `user` or `safety_identifier`, its string tags, its string metadata values (others are left out). */
export function callAttributionOf(call: MeteredCall): CallAttribution {
  return {
    user: typeof call.body.user === 'string' ? call.body.user : typeof call.body.safety_identifier === 'string' ? call.body.safety_identifier : null,
    tags: Array.isArray(call.body.tags) ? call.body.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    metadata: stringRecord(call.body.metadata),
  };
}
