import type { ResolvedBedrockAnswer } from './derive-bedrock-answer.js';

/** The JSON body of a `Converse` answer (`ConverseResponse`). */
export function renderBedrockConverseOutput(answer: ResolvedBedrockAnswer): Record<string, unknown> {
  const content: Array<Record<string, unknown>> = [];
  for (const block of answer.reasoning) {
    content.push({
      reasoningContent: 'text' in block ? { reasoningText: { text: block.text, signature: block.signature } } : { redactedContent: block.redactedContent },
    });
  }
  if (answer.text !== undefined) content.push({ text: answer.text });
  for (const toolUse of answer.toolUses) content.push({ toolUse: { toolUseId: toolUse.toolUseId, name: toolUse.name, input: toolUse.input } });
  return {
    output: { message: { role: 'assistant', content } },
    stopReason: answer.stopReason,
    usage: answer.usage,
    metrics: { latencyMs: 42 },
  };
}
