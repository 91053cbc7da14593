import type { Response } from '@switchyard/contract';
import type { StreamPart } from '../parts/stream-part.js';
import { convertResponseUsage } from './convert-response-usage.js';
import { responseFailureToError } from './response-failure-to-error.js';
import { responseFinishReason } from './response-finish-reason.js';
import { textAnnotationFromAnnotation } from './text-annotation-from-annotation.js';

/**
 * A finished Responses `Response` → parts. Messages, refusals, reasoning and function calls
 * are kept; hosted tool items are skipped. A `failed` response is thrown as an `UpstreamError`.
 */
export function responseToParts(response: Response, options: { readonly provider?: string } = {}): StreamPart[] {
  if (response.status === 'failed') throw responseFailureToError(options.provider ?? 'upstream', response.error);
  const parts: StreamPart[] = [{ type: 'response-metadata', id: response.id, modelId: response.model, createdAt: response.created_at }];
  let hadToolCalls = false;
  for (const item of response.output) {
    if (item.type === 'message') {
      item.content.forEach((content, index) => {
        const id = `${item.id}:${index}`;
        if (content.type === 'output_text') {
          parts.push({ type: 'text-start', id }, { type: 'text-delta', id, delta: content.text });
          for (const annotation of content.annotations) {
            const converted = textAnnotationFromAnnotation(annotation);
            if (converted !== undefined) parts.push({ type: 'text-annotation', id, annotation: converted });
          }
          parts.push({ type: 'text-end', id });
        } else {
          parts.push({ type: 'refusal-start', id }, { type: 'refusal-delta', id, delta: content.refusal }, { type: 'refusal-end', id });
        }
      });
    } else if (item.type === 'reasoning') {
      const content = (item.content ?? []).map((part) => part.text).join('');
      const text = content !== '' ? content : item.summary.map((part) => part.text).join('\n\n');
      const encrypted = typeof item.encrypted_content === 'string' ? item.encrypted_content : undefined;
      if (text === '' && encrypted === undefined) continue;
      parts.push({ type: 'reasoning-start', id: item.id, kind: content !== '' ? 'content' : 'summary' });
      if (text !== '') parts.push({ type: 'reasoning-delta', id: item.id, delta: text });
      parts.push(encrypted === undefined ? { type: 'reasoning-end', id: item.id } : { type: 'reasoning-end', id: item.id, encryptedContent: encrypted });
    } else if (item.type === 'function_call') {
      hadToolCalls = true;
      const input = item.arguments === '' ? '{}' : item.arguments;
      parts.push(
        { type: 'tool-input-start', id: item.call_id, toolName: item.name },
        { type: 'tool-input-delta', id: item.call_id, delta: input },
        { type: 'tool-input-end', id: item.call_id },
        { type: 'tool-call', toolCallId: item.call_id, toolName: item.name, input },
      );
    }
  }
  parts.push({ type: 'finish', finishReason: responseFinishReason(response, hadToolCalls), usage: convertResponseUsage(response.usage) });
  return parts;
}
