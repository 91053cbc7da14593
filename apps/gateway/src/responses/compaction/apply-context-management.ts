import type { CreateResponse, InputItem } from '@switchyard/contract';
import type { Router } from '@switchyard/router';
import { defaultCompactionConfig, type CompactionConfig } from '../../config/compaction-config.js';
import type { ProviderDirectory } from '../../providers/configured-provider.js';
import type { DispatchContext } from '../../routing/dispatch-operation.js';
import { countTokensLocally, tokenCountMethodFor } from '../../tokens/count-tokens-locally.js';
import type { PreparedCreate } from '../prepare-create.js';
import { compactItems } from './compact-items.js';
import { summaryMessage } from './expand-compaction-items.js';
import { summariserFor } from './summariser-for.js';

type Item = Record<string, unknown>;

/** What automatic compaction needs, supplied by its caller (a request handler or the background worker). */
export interface ContextManagementDependencies {
  readonly providers: ProviderDirectory;
  /** The gateway's router, so a `compaction.model` alias resolves. */
  readonly router?: Router;
  /** The `compaction:` config section (the request's own model summarises when it names none). */
  readonly config?: CompactionConfig | undefined;
  /**
   * The caller's dispatch context (signal, request id, meter, routing); the summarising call gets it
   * with the summariser's model and without the response id.
   */
  readonly dispatch: DispatchContext;
}

/** The `compact_threshold` of the request's compaction rule, if it has one. */
export function compactThresholdOf(body: CreateResponse): number | undefined {
  const rules = (body as { context_management?: ReadonlyArray<{ type?: unknown; compact_threshold?: unknown }> | null }).context_management;
  if (!Array.isArray(rules)) return undefined;
  const rule = rules.find((entry) => entry.type === 'compaction');
  return typeof rule?.compact_threshold === 'number' ? rule.compact_threshold : undefined;
}

/**
 * `context_management: [{type: "compaction", compact_threshold}]` for providers without native
 * compaction (OpenAI and Azure get the field and compact upstream): when the expanded input counts
 * more than `compact_threshold` tokens (the gateway's token counter), the older turns are summarised
 * before the call, which then receives the summary and the kept turns. The `compaction` item is
 * returned in `compaction`, for the response's output.
 *
 * Where it goes: FIRST in the output, before what the model answers (see `withLeadingOutputItems`).
 * OpenAI's compaction guide (developers.openai.com, "Compaction" / "Context management", server-side
 * compaction) says the response stream includes the compaction item, emitted in the same stream when
 * the threshold is crossed, after which the context is pruned and inference continues; and that a
 * client may drop the input items before the latest compaction item. The answer the model writes
 * after compacting therefore follows the compaction item. (The standalone `/responses/compact`
 * orders its output the other way round: see `compactItems`.)
 */
export async function applyContextManagement(
  body: CreateResponse,
  prepared: PreparedCreate,
  dependencies: ContextManagementDependencies,
): Promise<PreparedCreate> {
  if (prepared.target.provider.adapter.operations.compactResponse !== undefined) return prepared;
  const { context_management: _rules, ...upstream } = prepared.upstreamBody as CreateResponse & { context_management?: unknown };
  const withoutRules: PreparedCreate = { ...prepared, upstreamBody: upstream as CreateResponse };
  const threshold = compactThresholdOf(body);
  const input = upstream.input;
  if (threshold === undefined || !Array.isArray(input) || input.length === 0) return withoutRules;
  const method = tokenCountMethodFor(prepared.target.upstreamModel);
  const tokens = countTokensLocally(upstream, input as unknown as Item[], method);
  if (tokens <= threshold) return withoutRules;
  const config = dependencies.config ?? defaultCompactionConfig;
  const summariser = summariserFor(config, prepared.clientModel, dependencies.providers, dependencies.router);
  const { responseId: _responseId, ...dispatch } = dependencies.dispatch;
  const compacted = await compactItems(input as InputItem[], {
    keepLastTurns: config.keepLastTurns,
    summariser: summariser.target,
    summariserName: summariser.name,
    context: { ...dispatch, upstreamModel: summariser.target.upstreamModel, clientModel: summariser.name },
  });
  if (compacted.compaction === undefined || compacted.summary === undefined) return withoutRules;
  return {
    ...withoutRules,
    upstreamBody: { ...withoutRules.upstreamBody, input: [summaryMessage(compacted.summary), ...compacted.kept] },
    compaction: compacted.compaction,
  };
}
