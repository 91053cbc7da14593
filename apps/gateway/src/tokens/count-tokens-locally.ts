import type { TokenCountsBody } from '@switchyard/contract';
import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

type Item = Record<string, unknown>;

/** The parts of a request, besides its input, that count (a `TokenCountsBody` or a `CreateResponse`). */
export type CountableBody = Pick<TokenCountsBody, 'instructions' | 'tools' | 'text'>;

/** How a count was made: OpenAI's own encoding, or the documented estimate for other models. */
export type TokenCountMethod = 'o200k_base' | 'cl100k_base' | 'estimate';

/** Tokens OpenAI's chat format adds around every message (role and separators). */
const perMessageOverhead = 3;
/** Rough cost of one image input, when the detail is unknown. */
const perImageTokens = 85;

/** Which tokenizer fits an upstream model id (the part after `provider/`). */
export function tokenCountMethodFor(upstreamModel: string): TokenCountMethod {
  const model = upstreamModel.toLowerCase().replace(/^openai\//, '');
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o|gpt-oss|codex)/.test(model)) return 'o200k_base';
  if (/^(gpt-4|gpt-3\.5|text-embedding)/.test(model)) return 'cl100k_base';
  return 'estimate';
}

function counter(method: TokenCountMethod): (text: string) => number {
  if (method === 'o200k_base') return countO200k;
  if (method === 'cl100k_base') return countCl100k;
  // Documented estimate: one token per 4 characters (OpenAI's rule of thumb for English), rounded up.
  return (text) => Math.ceil(text.length / 4);
}

function partText(part: Item): { text: string; images: number } {
  if (typeof part.text === 'string') return { text: part.text, images: 0 };
  if (part.type === 'input_image') return { text: '', images: 1 };
  if (typeof part.refusal === 'string') return { text: part.refusal, images: 0 };
  return { text: '', images: 0 };
}

/** The text an item contributes, and how many images it carries. */
function itemText(item: Item): { text: string; images: number } {
  if (typeof item.content === 'string') return { text: item.content, images: 0 };
  if (Array.isArray(item.content)) {
    const parts = (item.content as Item[]).map(partText);
    return { text: parts.map((part) => part.text).join(''), images: parts.reduce((sum, part) => sum + part.images, 0) };
  }
  if (item.type === 'function_call') return { text: `${String(item.name ?? '')}${String(item.arguments ?? '')}`, images: 0 };
  if (item.type === 'function_call_output') return { text: typeof item.output === 'string' ? item.output : JSON.stringify(item.output ?? ''), images: 0 };
  if (item.type === 'reasoning' && Array.isArray(item.summary)) return { text: (item.summary as Item[]).map((part) => String(part.text ?? '')).join(''), images: 0 };
  return { text: JSON.stringify(item), images: 0 };
}

/**
 * Counts the input tokens of a `TokenCountsBody` (its `input` already expanded from any
 * `previous_response_id`) without calling a provider: OpenAI's encodings through gpt-tokenizer for
 * OpenAI models, otherwise characters / 4. Every message adds 3 tokens, instructions count as one
 * more message, tools count as their JSON definition, an image 85 tokens. An approximation of the
 * provider's own count (which also adds hidden formatting), good for budgeting and truncation.
 */
export function countTokensLocally(body: CountableBody, input: readonly Item[], method: TokenCountMethod): number {
  const count = counter(method);
  let total = 0;
  if (typeof body.instructions === 'string' && body.instructions !== '') total += count(body.instructions) + perMessageOverhead;
  for (const item of input) {
    const { text, images } = itemText(item);
    total += count(text) + images * perImageTokens + perMessageOverhead;
  }
  if (Array.isArray(body.tools) && body.tools.length > 0) total += count(JSON.stringify(body.tools));
  if (body.text?.format !== undefined && body.text.format.type === 'json_schema') total += count(JSON.stringify(body.text.format));
  return total;
}
