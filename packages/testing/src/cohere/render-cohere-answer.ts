import type { SseFrame } from '../http/fake-server-types.js';
import { splitEvenly, splitIntoPieces } from '../openai/split-into-pieces.js';
import type { CohereAnswerPlan } from './derive-cohere-answer.js';

/** The non-streamed `POST /v2/chat` answer (docs.cohere.com/reference/chat, response body). */
export function renderCohereResponse(plan: CohereAnswerPlan, id: string): Record<string, unknown> {
  const content: Array<Record<string, unknown>> = [];
  if (plan.thinking !== undefined) content.push({ type: 'thinking', thinking: plan.thinking });
  if (plan.text !== undefined) content.push({ type: 'text', text: plan.text });
  const message: Record<string, unknown> = { role: 'assistant' };
  if (plan.toolPlan !== undefined) message.tool_plan = plan.toolPlan;
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }));
  }
  if (content.length > 0) message.content = content;
  if (plan.citations.length > 0) {
    const textIndex = plan.thinking === undefined ? 0 : 1;
    message.citations = plan.citations.map((citation) => ({ ...citation, type: 'TEXT_CONTENT', content_index: textIndex }));
  }
  return { id, message, finish_reason: plan.finishReason, usage: plan.usage };
}

const frame = (data: Record<string, unknown>): SseFrame => ({ event: String(data.type), data: JSON.stringify(data) });

/**
 * The streamed answer as Cohere sends it: `event: <type>` + `data: <json with the same type>` frames
 * (docs: v2/docs/streaming, v2/docs/tool-use-streaming), ending with `message-end`; `data: [DONE]`
 * follows as an end frame.
 */
export function renderCohereStreamFrames(plan: CohereAnswerPlan, id: string): SseFrame[] {
  const frames: SseFrame[] = [
    frame({ id, type: 'message-start', delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } } }),
  ];
  let contentIndex = 0;
  if (plan.thinking !== undefined) {
    const index = contentIndex;
    contentIndex += 1;
    frames.push(frame({ type: 'content-start', index, delta: { message: { content: { type: 'thinking', thinking: '' } } } }));
    for (const piece of splitIntoPieces(plan.thinking)) frames.push(frame({ type: 'content-delta', index, delta: { message: { content: { thinking: piece } } } }));
    frames.push(frame({ type: 'content-end', index }));
  }
  if (plan.toolPlan !== undefined) {
    for (const piece of splitIntoPieces(plan.toolPlan)) frames.push(frame({ type: 'tool-plan-delta', delta: { message: { tool_plan: piece } } }));
  }
  plan.toolCalls.forEach((call, index) => {
    frames.push(frame({ type: 'tool-call-start', index, delta: { message: { tool_calls: { id: call.id, type: 'function', function: { name: call.name, arguments: '' } } } } }));
    for (const piece of splitEvenly(call.arguments, 8)) {
      frames.push(frame({ type: 'tool-call-delta', index, delta: { message: { tool_calls: { function: { arguments: piece } } } } }));
    }
    frames.push(frame({ type: 'tool-call-end', index }));
  });
  if (plan.text !== undefined) {
    const index = contentIndex;
    frames.push(frame({ type: 'content-start', index, delta: { message: { content: { type: 'text', text: '' } } } }));
    for (const piece of splitIntoPieces(plan.text)) frames.push(frame({ type: 'content-delta', index, delta: { message: { content: { text: piece } } } }));
    plan.citations.forEach((citation, citationIndex) => {
      frames.push(frame({ type: 'citation-start', index: citationIndex, delta: { message: { citations: { ...citation, type: 'TEXT_CONTENT', content_index: index } } } }));
      frames.push(frame({ type: 'citation-end', index: citationIndex }));
    });
    frames.push(frame({ type: 'content-end', index }));
  }
  frames.push(frame({ type: 'message-end', delta: { finish_reason: plan.finishReason, usage: plan.usage } }));
  return frames;
}
