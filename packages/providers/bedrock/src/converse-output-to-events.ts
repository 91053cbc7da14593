import type { BedrockConverseOutput, BedrockStreamEvent } from './bedrock-api.js';


/**
 * Replays a whole `Converse` answer as the ConverseStream events Bedrock would have sent for it,
 * so one transform serves both operations. Tool inputs become one JSON fragment each.
 */
export function converseOutputToEvents(output: BedrockConverseOutput): BedrockStreamEvent[] {
  const events: BedrockStreamEvent[] = [{ messageStart: { role: 'assistant' } }];
  const content = output.output?.message?.content ?? [];
  content.forEach((block, contentBlockIndex) => {
    if (block.text !== undefined) {
      events.push({ contentBlockDelta: { contentBlockIndex, delta: { text: block.text } } });
    } else if (block.reasoningContent !== undefined) {
      const { reasoningText, redactedContent } = block.reasoningContent;
      if (reasoningText !== undefined) {
        events.push({ contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { text: reasoningText.text ?? '' } } } });
        if (reasoningText.signature !== undefined) {
          events.push({ contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { signature: reasoningText.signature } } } });
        }
      } else if (redactedContent !== undefined) {
        events.push({ contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { redactedContent } } } });
      }
    } else if (block.toolUse !== undefined) {
      const { toolUseId, name, input } = block.toolUse;
      events.push({ contentBlockStart: { contentBlockIndex, start: { toolUse: { toolUseId, name } } } });
      events.push({ contentBlockDelta: { contentBlockIndex, delta: { toolUse: { input: JSON.stringify(input ?? {}) } } } });
    } else {
      return;
    }
    events.push({ contentBlockStop: { contentBlockIndex } });
  });
  events.push({ messageStop: { stopReason: output.stopReason } });
  if (output.usage !== undefined) events.push({ metadata: { usage: output.usage, metrics: output.metrics } });
  return events;
}
