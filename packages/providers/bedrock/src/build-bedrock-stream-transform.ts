import type { StreamPart, Usage } from '@switchyard/core';
import type { BedrockContentBlockDelta, BedrockStreamEvent } from './bedrock-api.js';
import { encodeBedrockReasoning } from './bedrock-reasoning-content.js';
import { convertBedrockUsage } from './convert-bedrock-usage.js';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

export interface BedrockStreamTransformOptions {
  /** The forced json_schema tool, whose input is streamed as answer text. */
  readonly jsonToolName?: string | undefined;
  /** Bedrock's request id (`x-amzn-requestid`), used as the upstream response id. */
  readonly responseId?: string | undefined;
  readonly modelId: string;
}

type OpenBlock =
  | { readonly kind: 'text'; readonly id: string }
  | { readonly kind: 'json'; readonly id: string }
  | { readonly kind: 'reasoning'; readonly id: string; text: string; signature: string | undefined; redacted: Uint8Array[] }
  | { readonly kind: 'tool'; readonly id: string; readonly name: string; input: string };

export interface BedrockStreamTransform {
  /** The parts one upstream event produces. */
  transform(event: BedrockStreamEvent): StreamPart[];
  /** Closes blocks left open and emits the one `finish`. */
  flush(): StreamPart[];
}

/**
 * Turns ConverseStream events into canonical parts. Text and reasoning blocks are opened by their
 * first delta (Bedrock's `contentBlockStart` only announces tool uses); a reasoning block ends
 * with `encryptedContent` that rebuilds its exact `reasoningContent` block; tool input JSON
 * fragments become `tool-input-delta`s, then one `tool-call` with the whole input.
 */
export function buildBedrockStreamTransform(options: BedrockStreamTransformOptions): BedrockStreamTransform {
  const blocks = new Map<number, OpenBlock>();
  let metadataSent = false;
  let stopReason: string | undefined;
  let usage: Usage | undefined;
  let jsonAnswered = false;

  const close = (index: number): StreamPart[] => {
    const block = blocks.get(index);
    if (block === undefined) return [];
    blocks.delete(index);
    switch (block.kind) {
      case 'text':
        return [{ type: 'text-end', id: block.id }];
      case 'json':
        jsonAnswered = true;
        return [{ type: 'text-end', id: block.id }];
      case 'reasoning': {
        const redacted = block.redacted.length > 0 ? Buffer.concat(block.redacted).toString('base64') : undefined;
        const encryptedContent = encodeBedrockReasoning(
          redacted !== undefined && block.text === ''
            ? { redactedContent: redacted }
            : { reasoningText: block.signature === undefined ? { text: block.text } : { text: block.text, signature: block.signature } },
        );
        return [{ type: 'reasoning-end', id: block.id, encryptedContent }];
      }
      case 'tool':
        return [
          { type: 'tool-input-end', id: block.id },
          { type: 'tool-call', toolCallId: block.id, toolName: block.name, input: block.input === '' ? '{}' : block.input },
        ];
    }
  };

  const onDelta = (index: number, delta: BedrockContentBlockDelta): StreamPart[] => {
    const open = blocks.get(index);
    if (delta.text !== undefined) {
      if (delta.text === '') return [];
      if (open?.kind === 'text') return [{ type: 'text-delta', id: open.id, delta: delta.text }];
      const id = `text-${index}`;
      const closed = close(index);
      blocks.set(index, { kind: 'text', id });
      return [...closed, { type: 'text-start', id }, { type: 'text-delta', id, delta: delta.text }];
    }
    if (delta.toolUse !== undefined) {
      const fragment = delta.toolUse.input ?? '';
      if (open?.kind === 'tool') {
        open.input += fragment;
        return fragment === '' ? [] : [{ type: 'tool-input-delta', id: open.id, delta: fragment }];
      }
      if (open?.kind === 'json') return fragment === '' ? [] : [{ type: 'text-delta', id: open.id, delta: fragment }];
      return [];
    }
    if (delta.reasoningContent !== undefined) {
      const parts: StreamPart[] = [];
      let block = open;
      if (block?.kind !== 'reasoning') {
        parts.push(...close(index));
        block = { kind: 'reasoning', id: `reasoning-${index}`, text: '', signature: undefined, redacted: [] };
        blocks.set(index, block);
        parts.push({ type: 'reasoning-start', id: block.id });
      }
      const { text, signature, redactedContent } = delta.reasoningContent;
      if (text !== undefined && text !== '') {
        block.text += text;
        parts.push({ type: 'reasoning-delta', id: block.id, delta: text });
      }
      if (signature !== undefined) block.signature = (block.signature ?? '') + signature;
      if (redactedContent !== undefined) block.redacted.push(redactedContent);
      return parts;
    }
    return [];
  };

  return {
    transform(event) {
      const parts: StreamPart[] = [];
      if (!metadataSent) {
        metadataSent = true;
        parts.push({ type: 'response-metadata', ...(options.responseId === undefined ? {} : { id: options.responseId }), modelId: options.modelId });
      }
      if (event.contentBlockStart !== undefined) {
        const index = event.contentBlockStart.contentBlockIndex ?? 0;
        const toolUse = event.contentBlockStart.start?.toolUse;
        if (toolUse !== undefined) {
          parts.push(...close(index));
          const name = toolUse.name ?? '';
          if (name === options.jsonToolName) {
            const id = `text-${index}`;
            blocks.set(index, { kind: 'json', id });
            parts.push({ type: 'text-start', id });
          } else {
            const id = toolUse.toolUseId ?? `tool-${index}`;
            blocks.set(index, { kind: 'tool', id, name, input: '' });
            parts.push({ type: 'tool-input-start', id, toolName: name });
          }
        }
      } else if (event.contentBlockDelta !== undefined) {
        const { contentBlockIndex = 0, delta } = event.contentBlockDelta;
        if (delta !== undefined) parts.push(...onDelta(contentBlockIndex, delta));
      } else if (event.contentBlockStop !== undefined) {
        parts.push(...close(event.contentBlockStop.contentBlockIndex ?? 0));
      } else if (event.messageStop !== undefined) {
        stopReason = event.messageStop.stopReason;
      } else if (event.metadata !== undefined) {
        usage = convertBedrockUsage(event.metadata.usage);
      }
      return parts;
    },
    flush() {
      const parts: StreamPart[] = [];
      if (!metadataSent) {
        metadataSent = true;
        parts.push({ type: 'response-metadata', ...(options.responseId === undefined ? {} : { id: options.responseId }), modelId: options.modelId });
      }
      for (const index of [...blocks.keys()].sort((left, right) => left - right)) parts.push(...close(index));
      parts.push({
        type: 'finish',
        finishReason: mapBedrockFinishReason(stopReason, { jsonToolAnswered: jsonAnswered }),
        usage: usage ?? { inputTokens: undefined, outputTokens: undefined },
      });
      return parts;
    },
  };
}
