import type { CreateResponse, InputItem } from '@switchyard/contract';
import { defaultCompactionConfig, type CompactionConfig } from '../../config/compaction-config.js';
import { dispatchContextFor, type HandlerContext } from '../../handlers/handler-context.js';
import { countTokensLocally, tokenCountMethodFor } from '../../tokens/count-tokens-locally.js';
import type { PreparedCreate } from '../prepare-create.js';
import { compactItems } from './compact-items.js';
import { summaryMessage } from './expand-compaction-items.js';
import { summariserFor } from './summariser-for.js';

type Item = Record<string, unknown>;

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
 * returned for the response's output (first, before what the model answers).
 */
export async function applyContextManagement(
  body: CreateResponse,
  prepared: PreparedCreate,
  context: HandlerContext,
  config: CompactionConfig = defaultCompactionConfig,
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
  const summariser = summariserFor(config, prepared.clientModel, context.providers, context.routing.router);
  const compacted = await compactItems(input as InputItem[], {
    keepLastTurns: config.keepLastTurns,
    summariser: summariser.target,
    summariserName: summariser.name,
    context: dispatchContextFor(context, summariser.target.upstreamModel, summariser.name),
    automatic: true,
  });
  if (compacted.compaction === undefined || compacted.summary === undefined) return withoutRules;
  return {
    ...withoutRules,
    upstreamBody: { ...withoutRules.upstreamBody, input: [summaryMessage(compacted.summary), ...compacted.kept] },
    compaction: compacted.compaction,
  };
}
