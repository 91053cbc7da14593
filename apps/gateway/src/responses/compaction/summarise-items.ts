import type { InputItem, Response, ResponseUsage } from '@switchyard/contract';
import { dispatchOperation, type DispatchContext } from '../../routing/dispatch-operation.js';
import type { ResolvedModel } from '../../routing/resolve-model.js';

/** Instructions of the summarising call (what the summariser model is asked to keep). */
export const summariseInstructions =
  'You compact conversations. Write a concise summary of the conversation so far that lets it continue without the original messages: ' +
  'the goals, facts, decisions, names, numbers, tool results and open questions. Reply with the summary only.';

export const summariseRequest = 'Summarise the conversation above now, following your instructions.';

export interface SummaryResult {
  readonly summary: string;
  readonly usage: ResponseUsage;
}

type Item = Record<string, unknown>;

function outputText(response: Response): string {
  const texts: string[] = [];
  for (const item of response.output as unknown as Item[]) {
    if (item.type !== 'message' || !Array.isArray(item.content)) continue;
    for (const part of item.content as Item[]) if (part.type === 'output_text' && typeof part.text === 'string') texts.push(part.text);
  }
  return texts.join('');
}

export const emptyUsage: ResponseUsage = {
  input_tokens: 0,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 0,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: 0,
} as ResponseUsage;

/**
 * Asks `summariser` (any provider: chat-only ones through the bridge) for a summary of `items`.
 * Reasoning items are left out: their signed content only means something to their own provider.
 */
export async function summariseItems(items: readonly InputItem[], summariser: ResolvedModel, context: DispatchContext): Promise<SummaryResult> {
  const conversation = items.filter((item) => (item as unknown as Item).type !== 'reasoning');
  const result = await dispatchOperation(
    'createResponse',
    summariser.provider,
    {
      body: {
        model: summariser.upstreamModel,
        instructions: summariseInstructions,
        input: [...conversation, { role: 'user', content: summariseRequest } as InputItem],
      },
    },
    context,
  );
  if (typeof result !== 'object' || result === null || Symbol.asyncIterator in result) {
    throw new Error('the summarising call answered with a stream');
  }
  const response = result as Response;
  return { summary: outputText(response), usage: response.usage ?? emptyUsage };
}
