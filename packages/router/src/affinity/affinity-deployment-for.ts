import type { Deployment } from '../registry/deployment.js';
import { isReasoningItem, originOf, type ReasoningOrigins } from './reasoning-origins.js';

/** Prefixes our adapters put on `encrypted_content`; OpenAI's own encrypted reasoning has none. */
const prefixedProviders: ReadonlyArray<readonly [prefix: string, kinds: readonly string[]]> = [
  ['anthropic:', ['anthropic']],
  ['gemini:', ['gemini', 'google', 'vertex']],
  ['bedrock:', ['bedrock']],
  ['cohere:', ['cohere']],
];
const openAIKinds: readonly string[] = ['openai', 'azure'];

/** The provider kinds named by an `encrypted_content` prefix our adapters write; undefined without one. */
export function prefixedProviderKinds(encryptedContent: string): readonly string[] | undefined {
  for (const [prefix, kinds] of prefixedProviders) if (encryptedContent.startsWith(prefix)) return kinds;
  return undefined;
}

/** The provider kinds able to read an opaque `encrypted_content` value. */
export function providerKindsFor(encryptedContent: string): readonly string[] {
  return prefixedProviderKinds(encryptedContent) ?? openAIKinds;
}

function encryptedContentOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { type, encrypted_content: encrypted } = item as { type?: unknown; encrypted_content?: unknown };
  return type === 'reasoning' && typeof encrypted === 'string' && encrypted !== '' ? encrypted : undefined;
}

/** The deployment that produced the item (else the first candidate of its provider), when the origin is known. */
function originCandidate(item: unknown, candidates: readonly Deployment[], origins: ReasoningOrigins | undefined): Deployment | null | undefined {
  const origin = isReasoningItem(item) ? originOf(item, origins) : undefined;
  if (origin === undefined) return undefined;
  const exact = origin.deployment === null ? undefined : candidates.find((deployment) => deployment.name === origin.deployment);
  return exact ?? candidates.find((deployment) => deployment.provider === origin.provider) ?? null;
}

/**
 * The candidate a follow-up should go to when its input carries provider-specific opaque state
 * (reasoning items with `encrypted_content`, which also carry thinking signatures): for the most
 * recent such item, the deployment that produced it when `origins` (the stored chain's reasoning
 * items by id) knows it, else the first candidate of its provider; for an item of unknown origin
 * (sent back by the client), the first candidate of the provider kind its `encrypted_content`
 * prefix names. `undefined` when the input carries none or no candidate can read it.
 */
export function affinityDeploymentFor(
  input: string | readonly unknown[] | undefined,
  candidates: readonly Deployment[],
  origins?: ReasoningOrigins,
): Deployment | undefined {
  if (typeof input === 'string' || input === undefined) return undefined;
  for (let index = input.length - 1; index >= 0; index -= 1) {
    const known = originCandidate(input[index], candidates, origins);
    if (known !== undefined) return known ?? undefined;
    const encrypted = encryptedContentOf(input[index]);
    if (encrypted === undefined) continue;
    const kinds = providerKindsFor(encrypted);
    return candidates.find((deployment) => kinds.includes(deployment.providerKind));
  }
  return undefined;
}

/** The candidates with the affinity deployment (if any) moved to the front. */
export function preferAffinity(input: string | readonly unknown[] | undefined, candidates: readonly Deployment[], origins?: ReasoningOrigins): Deployment[] {
  const preferred = affinityDeploymentFor(input, candidates, origins);
  if (preferred === undefined) return [...candidates];
  return [preferred, ...candidates.filter((deployment) => deployment !== preferred)];
}
