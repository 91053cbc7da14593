import { prefixedProviderKinds } from './affinity-deployment-for.js';
import { isReasoningItem, originOf, type ReasoningOrigins } from './reasoning-origins.js';

/** The provider an attempt goes to. */
export interface ReasoningReader {
  /** Configured provider name. */
  readonly provider: string;
  /** Provider kind (`openai`, `anthropic`…). */
  readonly providerKind: string;
}

export interface UnreadableReasoningOptions {
  /** The stored chain's reasoning items by id (their producer is known). */
  readonly origins?: ReasoningOrigins | undefined;
  /**
   * Reasoning items of unknown origin (sent back by the client): `by-prefix` drops those whose
   * `encrypted_content` carries another provider kind's prefix (`anthropic:`, `gemini:`…; for a
   * reader that forwards opaque state verbatim, such as a native Responses upstream: unprefixed
   * content may be its own and is kept); `keep` leaves them to the reader's adapter, which drops
   * what it cannot read with its own warning.
   */
  readonly unknownOrigin: 'by-prefix' | 'keep';
}

export interface ReadableInput {
  /** The input without the reasoning items the reader cannot take. */
  readonly input: unknown[];
  /** How many reasoning items were dropped. */
  readonly dropped: number;
}

function isReadable(item: unknown, reader: ReasoningReader, options: UnreadableReasoningOptions): boolean {
  if (!isReasoningItem(item)) return true;
  const origin = originOf(item, options.origins);
  if (origin !== undefined) return origin.provider === reader.provider;
  if (options.unknownOrigin === 'keep') return true;
  const encrypted = (item as { encrypted_content?: unknown }).encrypted_content;
  if (typeof encrypted !== 'string' || encrypted === '') return true;
  const kinds = prefixedProviderKinds(encrypted);
  return kinds === undefined || kinds.includes(reader.providerKind);
}

/**
 * The Responses input an attempt may send to `reader`: reasoning items carry provider-signed
 * state (encrypted reasoning, thinking signatures) that only their producer can take back, so a
 * stored item made by another provider is dropped, and (with `unknownOrigin: 'by-prefix'`) so is a
 * client-sent one whose `encrypted_content` prefix names another provider kind. Other items and the
 * order are kept; the same array is returned when nothing is dropped.
 */
export function withoutUnreadableReasoning(input: readonly unknown[], reader: ReasoningReader, options: UnreadableReasoningOptions): ReadableInput {
  const kept = input.filter((item) => isReadable(item, reader, options));
  return { input: kept.length === input.length ? (input as unknown[]) : kept, dropped: input.length - kept.length };
}
