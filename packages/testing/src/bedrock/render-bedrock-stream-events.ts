import type { ResolvedBedrockAnswer } from './derive-bedrock-answer.js';

/** One `ConverseStreamOutput` member: the `:event-type` header and the JSON payload. */
export interface BedrockStreamEvent {
  eventType: string;
  payload: Record<string, unknown>;
}

/** Bedrock pads event payloads with a `p` field of varying length (so sizes leak nothing); so does the fake. */
const padding = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const pad = (payload: Record<string, unknown>, index: number): Record<string, unknown> => ({
  ...payload,
  p: padding.slice(0, 10 + ((index * 7) % 40)),
});

/** Splits text into pieces of about two words, keeping every character. */
export function splitIntoPieces(text: string): string[] {
  const pieces = text.match(/\S+\s*\S*\s*|\s+/g) ?? [];
  return pieces.length === 0 ? [text] : pieces;
}

/** The ConverseStream events of an answer, in the order Bedrock sends them. */
export function renderBedrockStreamEvents(answer: ResolvedBedrockAnswer): BedrockStreamEvent[] {
  const events: BedrockStreamEvent[] = [{ eventType: 'messageStart', payload: { role: 'assistant' } }];
  let index = 0;
  const delta = (contentBlockIndex: number, value: Record<string, unknown>): void => {
    events.push({ eventType: 'contentBlockDelta', payload: { contentBlockIndex, delta: value } });
  };
  const stop = (contentBlockIndex: number): void => {
    events.push({ eventType: 'contentBlockStop', payload: { contentBlockIndex } });
  };

  for (const block of answer.reasoning) {
    if ('text' in block) {
      for (const piece of splitIntoPieces(block.text)) delta(index, { reasoningContent: { text: piece } });
      delta(index, { reasoningContent: { signature: block.signature } });
    } else {
      delta(index, { reasoningContent: { redactedContent: block.redactedContent } });
    }
    stop(index);
    index += 1;
  }
  if (answer.text !== undefined) {
    for (const piece of splitIntoPieces(answer.text)) delta(index, { text: piece });
    stop(index);
    index += 1;
  }
  for (const toolUse of answer.toolUses) {
    events.push({ eventType: 'contentBlockStart', payload: { contentBlockIndex: index, start: { toolUse: { toolUseId: toolUse.toolUseId, name: toolUse.name } } } });
    const input = JSON.stringify(toolUse.input);
    const cut = Math.ceil(input.length / 2);
    for (const fragment of [input.slice(0, cut), input.slice(cut)].filter((part) => part !== '')) delta(index, { toolUse: { input: fragment } });
    stop(index);
    index += 1;
  }
  events.push({ eventType: 'messageStop', payload: { stopReason: answer.stopReason } });
  events.push({ eventType: 'metadata', payload: { usage: answer.usage, metrics: { latencyMs: 42 } } });
  return events.map((event, position) => ({ eventType: event.eventType, payload: pad(event.payload, position) }));
}
