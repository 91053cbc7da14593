import type { FakeAnthropicBlock, FakeAnthropicMessage, FakeAnthropicRequest } from './fake-anthropic-types.js';
import { fakeRedactedThinkingData, fakeThinkingSignature } from './fake-anthropic-thinking.js';

const imageMediaTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const toolNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a Messages request (or, with `countOnly`, a count_tokens request, which takes no
 * `max_tokens` or sampling fields) the way the real API rejects bad ones (400 `invalid_request_error`),
 * returning the message, or `undefined` when it is acceptable. It is stricter than the real API
 * in one respect: turns must alternate (the real API merges consecutive same-role turns), so an
 * adapter that forgets to merge is caught.
 */
export function validateFakeAnthropicRequest(body: unknown, options: { countOnly?: boolean } = {}): string | undefined {
  if (!isRecord(body)) return 'Request body must be a JSON object.';
  const request = body as unknown as FakeAnthropicRequest;
  if (typeof request.model !== 'string' || request.model === '') return 'model: Field required';
  if (options.countOnly === true) {
    const extra = ['max_tokens', 'stream', 'temperature', 'top_p', 'stop_sequences', 'metadata'].find((field) => field in body);
    if (extra !== undefined) return `${extra}: Extra inputs are not permitted`;
  } else if (!Number.isInteger(request.max_tokens) || request.max_tokens < 1) return 'max_tokens: Field required';
  if (!Array.isArray(request.messages) || request.messages.length === 0) return 'messages: at least one message is required';
  const thinking = request.thinking?.type === 'enabled' || request.thinking?.type === 'adaptive';
  const effort = request.output_config?.effort;
  if (effort !== undefined && !['low', 'medium', 'high', 'max'].includes(effort)) return "output_config.effort: Input should be 'low', 'medium', 'high' or 'max'";
  if (request.thinking?.type === 'enabled') {
    const budget = request.thinking.budget_tokens ?? 0;
    if (budget < 1024) return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
    if (options.countOnly !== true && request.max_tokens <= budget) return '`max_tokens` must be greater than `thinking.budget_tokens`.';
  }
  if (thinking) {
    if (request.temperature !== undefined && request.temperature !== 1) return '`temperature` may only be set to 1 when thinking is enabled.';
    if (request.tool_choice?.type === 'any' || request.tool_choice?.type === 'tool') return 'Thinking may not be enabled when tool_choice forces tool use.';
  }
  const toolNames = new Set<string>();
  for (const tool of request.tools ?? []) {
    if (!toolNamePattern.test(tool.name)) return `tools.${toolNames.size}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`;
    if (!isRecord(tool.input_schema)) return `tools.${toolNames.size}.custom.input_schema: Field required`;
    toolNames.add(tool.name);
  }
  if (request.tool_choice?.type === 'tool' && !toolNames.has(request.tool_choice.name ?? '')) return `Tool '${request.tool_choice.name ?? ''}' not found in provided tools`;

  let breakpoints = (request.tools ?? []).filter((tool) => tool.cache_control !== undefined).length;
  if (typeof request.system !== 'string' && request.system !== undefined) {
    if (!Array.isArray(request.system)) return 'system: Input should be a valid list';
    for (const block of request.system) {
      if (block.type !== 'text' || typeof block.text !== 'string' || block.text === '') return 'system: text content blocks must be non-empty';
      if (block.cache_control !== undefined) breakpoints += 1;
    }
  }
  for (const [index, message] of request.messages.entries()) {
    const problem = checkMessage(message, index, request.messages[index - 1], request.messages[index + 1]);
    if (problem !== undefined) return problem;
    breakpoints += blocksOf(message).filter((block) => block.cache_control !== undefined).length;
  }
  if (breakpoints > 4) return `A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints}.`;
  return undefined;
}

function blocksOf(message: FakeAnthropicMessage | undefined): readonly FakeAnthropicBlock[] {
  if (message === undefined) return [];
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
}

function checkMessage(
  message: FakeAnthropicMessage,
  index: number,
  previous: FakeAnthropicMessage | undefined,
  next: FakeAnthropicMessage | undefined,
): string | undefined {
  const where = `messages.${index}`;
  if (message.role !== 'user' && message.role !== 'assistant') return `${where}.role: Input should be 'user' or 'assistant'`;
  if (previous?.role === message.role) return `${where}: roles must alternate between "user" and "assistant"`;
  if (typeof message.content !== 'string' && (!Array.isArray(message.content) || message.content.length === 0)) {
    return `${where}: all messages must have non-empty content`;
  }
  for (const [blockIndex, block] of blocksOf(message).entries()) {
    const at = `${where}.content.${blockIndex}`;
    switch (block.type) {
      case 'text':
        if (typeof block.text !== 'string' || block.text === '') return `${at}: text content blocks must be non-empty`;
        break;
      case 'image':
        if (message.role !== 'user') return `${at}: images may only appear in user turns`;
        if (block.source?.type === 'base64' && (!imageMediaTypes.has(block.source.media_type ?? '') || typeof block.source.data !== 'string')) {
          return `${at}.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`;
        }
        if (block.source?.type === 'url' && typeof block.source.url !== 'string') return `${at}.image.source.url.url: Field required`;
        if (block.source?.type !== 'base64' && block.source?.type !== 'url') return `${at}.image.source: unknown source type`;
        break;
      case 'document':
        if (message.role !== 'user') return `${at}: documents may only appear in user turns`;
        break;
      case 'thinking':
        if (message.role !== 'assistant') return `${at}: thinking blocks may only appear in assistant turns`;
        if (block.cache_control !== undefined) return `${at}.thinking.cache_control: Extra inputs are not permitted`;
        if (typeof block.thinking !== 'string' || block.signature !== fakeThinkingSignature(block.thinking)) return `${at}: Invalid \`signature\` in \`thinking\` block`;
        break;
      case 'redacted_thinking':
        if (message.role !== 'assistant') return `${at}: redacted_thinking blocks may only appear in assistant turns`;
        if (block.data !== fakeRedactedThinkingData) return `${at}: Invalid \`data\` in \`redacted_thinking\` block`;
        break;
      case 'tool_use': {
        if (message.role !== 'assistant') return `${at}: tool_use blocks may only appear in assistant turns`;
        const answered = blocksOf(next).some((candidate) => candidate.type === 'tool_result' && candidate.tool_use_id === block.id);
        if (!answered) return `${where}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${block.id ?? ''}`;
        break;
      }
      case 'tool_result': {
        if (message.role !== 'user') return `${at}: tool_result blocks may only appear in user turns`;
        const asked = blocksOf(previous).some((candidate) => candidate.type === 'tool_use' && candidate.id === block.tool_use_id);
        if (!asked) return `${at}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${block.tool_use_id ?? ''}`;
        break;
      }
      default:
        return `${at}.type: unknown content block type '${block.type}'`;
    }
  }
  return undefined;
}
