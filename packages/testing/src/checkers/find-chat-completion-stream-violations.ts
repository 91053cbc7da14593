import { isJsonObject, isSseRecord, type JsonObject, type StreamViolation } from './stream-violation.js';

export interface ChatStreamCheckOptions {
  /** The request had `stream_options.include_usage: true`: exactly one usage chunk is required. */
  includeUsage?: boolean;
}

const done = Symbol('done');

interface ChoiceState {
  finished: boolean;
  toolCallIds: Map<number, unknown>;
}

/**
 * Lists every way a Chat Completions chunk stream departs from OpenAI's contract. Accepts chunk objects
 * plus the string `[DONE]`, or raw SSE records (`data:` only, no `event:` names).
 * Rule ids: sse-framing, object, same-identity, role-first, tool-call-index, tool-call-first-chunk,
 * finish-reason, after-finish, usage, done-last, error-chunk.
 */
export function findChatCompletionStreamViolations(
  input: readonly unknown[],
  options: ChatStreamCheckOptions = {},
): StreamViolation[] {
  const violations: StreamViolation[] = [];
  const report = (rule: string, index: number, message: string): void => {
    violations.push({ rule, index, message });
  };
  const chunks: Array<JsonObject | typeof done> = input.map((entry, index) => {
    if (entry === '[DONE]') return done;
    if (!isSseRecord(entry)) return isJsonObject(entry) ? entry : {};
    if (entry.event !== undefined) report('sse-framing', index, `chat streams carry no event names (got "${entry.event}")`);
    if (entry.data === '[DONE]') return done;
    try {
      const parsed: unknown = JSON.parse(entry.data);
      return isJsonObject(parsed) ? parsed : {};
    } catch {
      report('sse-framing', index, `data is not JSON: ${entry.data.slice(0, 80)}`);
      return {};
    }
  });

  const choices = new Map<number, ChoiceState>();
  let identity: { id: unknown; created: unknown; model: unknown } | undefined;
  let usageChunks = 0;
  let doneIndex = -1;

  chunks.forEach((chunk, index) => {
    if (chunk === done) {
      if (doneIndex >= 0) report('done-last', index, '[DONE] sent twice');
      doneIndex = index;
      return;
    }
    if (doneIndex >= 0) report('done-last', index, 'chunk after [DONE]');
    if ('error' in chunk) return report('error-chunk', index, `error chunk: ${JSON.stringify(chunk.error).slice(0, 200)}`);
    if (chunk.object !== 'chat.completion.chunk') report('object', index, `object is ${String(chunk.object)}`);
    if (identity === undefined) identity = { id: chunk.id, created: chunk.created, model: chunk.model };
    for (const key of ['id', 'created', 'model'] as const) {
      if (chunk[key] !== identity[key]) report('same-identity', index, `${key} ${String(chunk[key])} differs from ${String(identity[key])}`);
    }
    const chunkChoices = Array.isArray(chunk.choices) ? chunk.choices.filter(isJsonObject) : [];
    const usage = chunk.usage;
    if (chunkChoices.length === 0) {
      if (!isJsonObject(usage)) return report('usage', index, 'chunk with empty choices and no usage');
      usageChunks += 1;
      if (options.includeUsage !== true) report('usage', index, 'usage chunk although include_usage was not requested');
      const open = [...choices.entries()].filter(([, state]) => !state.finished).map(([choiceIndex]) => choiceIndex);
      if (open.length > 0 || choices.size === 0) report('usage', index, `usage chunk before the finish of choice(s) ${open.join(', ')}`);
      return;
    }
    if (usage !== undefined && usage !== null) report('usage', index, 'usage on a chunk that has choices');
    if (usageChunks > 0) report('usage', index, 'chunk with choices after the usage chunk');
    for (const choice of chunkChoices) checkChoice(choice, index, choices, report);
  });

  for (const [choiceIndex, state] of choices) {
    if (!state.finished) report('finish-reason', -1, `choice ${choiceIndex} never got a finish_reason`);
  }
  if (choices.size === 0) report('finish-reason', -1, 'the stream carried no choices');
  if (options.includeUsage === true && usageChunks !== 1) report('usage', -1, `expected exactly one usage chunk, got ${usageChunks}`);
  if (doneIndex < 0) report('done-last', -1, 'the stream did not end with data: [DONE]');
  else if (doneIndex !== chunks.length - 1) report('done-last', doneIndex, '[DONE] is not the last frame');
  return violations;
}

function checkChoice(
  choice: JsonObject,
  index: number,
  choices: Map<number, ChoiceState>,
  report: (rule: string, index: number, message: string) => void,
): void {
  const choiceIndex = typeof choice.index === 'number' ? choice.index : -1;
  const delta = isJsonObject(choice.delta) ? choice.delta : {};
  let state = choices.get(choiceIndex);
  if (state === undefined) {
    state = { finished: false, toolCallIds: new Map() };
    choices.set(choiceIndex, state);
    if (delta.role !== 'assistant') report('role-first', index, `first delta of choice ${choiceIndex} has no role: assistant`);
  }
  const hasContent =
    (typeof delta.content === 'string' && delta.content !== '') ||
    (typeof delta.refusal === 'string' && delta.refusal !== '') ||
    (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0);
  if (state.finished && hasContent) {
    report('after-finish', index, `choice ${choiceIndex} continues after its finish_reason`);
  }
  for (const call of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
    const toolCall = isJsonObject(call) ? call : {};
    if (typeof toolCall.index !== 'number') {
      report('tool-call-index', index, 'tool_calls delta without an integer index');
      continue;
    }
    const fn = isJsonObject(toolCall.function) ? toolCall.function : {};
    if (!state.toolCallIds.has(toolCall.index)) {
      if (typeof toolCall.id !== 'string' || toolCall.id === '' || typeof fn.name !== 'string' || fn.name === '') {
        report('tool-call-first-chunk', index, `first chunk of tool call ${toolCall.index} lacks id or function.name`);
      }
      state.toolCallIds.set(toolCall.index, toolCall.id);
    } else if (toolCall.id !== undefined && toolCall.id !== state.toolCallIds.get(toolCall.index)) {
      report('tool-call-first-chunk', index, `tool call ${toolCall.index} changed its id`);
    }
  }
  if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
    if (state.finished) report('finish-reason', index, `second finish_reason for choice ${choiceIndex}`);
    state.finished = true;
  }
}
