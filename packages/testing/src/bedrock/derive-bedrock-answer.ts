import { createHash } from 'node:crypto';
import type { BedrockRequestDigest } from './bedrock-request-digest.js';
import type { FakeBedrockAnswer, FakeBedrockReasoning, FakeBedrockToolUse } from './fake-bedrock-behaviour.js';

/** A fully decided answer: every field the renderers need. */
export interface ResolvedBedrockAnswer {
  reasoning: FakeBedrockReasoning[];
  text: string | undefined;
  toolUses: Array<Required<FakeBedrockToolUse>>;
  stopReason: string;
  usage: {
    inputTokens: number;
    outputTokens: number;
    totalTokens: number;
    cacheReadInputTokens?: number;
    cacheWriteInputTokens?: number;
  };
}

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');
const digestOf = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * The deterministic "model": forced or `call <tool>` requests get tool uses (inputs sampled from
 * the tool's schema), tool results are summarised, anything else is echoed. Thinking requests get
 * a signed reasoning block first (a redacted one when the user says "redacted"). `maxTokens`
 * (counted in words) and stop sequences cut the text as Bedrock would.
 */
export function deriveBedrockAnswer(digest: BedrockRequestDigest, script: FakeBedrockAnswer | undefined): ResolvedBedrockAnswer {
  const toolUses = (script?.toolUses ?? defaultToolUses(digest)).map((toolUse, index) => ({
    name: toolUse.name,
    input: toolUse.input,
    toolUseId: toolUse.toolUseId ?? `tooluse_${digestOf(`${toolUse.name}:${index}:${digest.lastUserText}`).slice(0, 22)}`,
  }));
  let text = script?.text ?? (toolUses.length > 0 ? undefined : defaultText(digest));
  let stopReason = script?.stopReason ?? (toolUses.length > 0 ? 'tool_use' : 'end_turn');

  for (const stop of digest.stopSequences) {
    const at = text?.indexOf(stop) ?? -1;
    if (text !== undefined && at >= 0 && script?.stopReason === undefined) {
      text = text.slice(0, at);
      stopReason = 'stop_sequence';
    }
  }
  if (text !== undefined && digest.maxTokens !== undefined && words(text).length > digest.maxTokens && script?.stopReason === undefined) {
    text = words(text).slice(0, digest.maxTokens).join(' ');
    stopReason = 'max_tokens';
  }

  const reasoning = script?.reasoning ?? (digest.thinking ? [defaultReasoning(digest)] : []);
  const outputTokens =
    words(text ?? '').length +
    reasoning.reduce((sum, block) => sum + ('text' in block ? words(block.text).length : 8), 0) +
    toolUses.reduce((sum, toolUse) => sum + words(JSON.stringify(toolUse.input).replace(/[{}":,]/g, ' ')).length, 0);
  const cacheRead = digest.cachePoints > 0 ? Math.floor(digest.inputWords / 2) : undefined;
  const inputTokens = digest.inputWords - (cacheRead ?? 0);
  const usage = {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens + (cacheRead ?? 0),
    ...(cacheRead === undefined ? {} : { cacheReadInputTokens: cacheRead, cacheWriteInputTokens: 0 }),
    ...script?.usage,
  };
  return { reasoning, text, toolUses, stopReason, usage };
}

function defaultToolUses(digest: BedrockRequestDigest): FakeBedrockToolUse[] {
  const byName = new Map(digest.tools.map((tool) => [tool.name, tool.schema]));
  if (digest.forcedTool !== undefined) {
    return [{ name: digest.forcedTool, input: sampleObject(byName.get(digest.forcedTool) ?? {}) }];
  }
  if (digest.toolResults.length > 0) return [];
  const asked = [...digest.lastUserText.matchAll(/\bcall ([A-Za-z0-9_-]+)/g)]
    .map((match) => match[1] as string)
    .filter((name) => byName.has(name));
  if (asked.length > 0) return asked.map((name) => ({ name, input: sampleObject(byName.get(name) ?? {}) }));
  const first = digest.tools[0];
  if (digest.anyTool && first !== undefined) return [{ name: first.name, input: sampleObject(first.schema) }];
  return [];
}

function defaultText(digest: BedrockRequestDigest): string {
  if (digest.toolResults.length > 0) return `Tool results: ${digest.toolResults.map((result) => result.text).join('; ')}`;
  if (digest.lastUserText === '') return 'Hello from Bedrock.';
  return `Echo: ${digest.lastUserText}`;
}

function defaultReasoning(digest: BedrockRequestDigest): FakeBedrockReasoning {
  if (/\bredacted\b/.test(digest.lastUserText)) {
    return { redactedContent: Buffer.from(`redacted:${digest.lastUserText}`).toString('base64') };
  }
  const text = `The user wrote: ${digest.lastUserText}. I should answer briefly.`;
  return { text, signature: `sig_${digestOf(text)}` };
}

type Schema = Record<string, unknown>;

function sampleObject(schema: Schema): Record<string, unknown> {
  const value = sampleValue(schema);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function sampleValue(schema: Schema): unknown {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const properties = typeof schema.properties === 'object' && schema.properties !== null ? (schema.properties as Record<string, Schema>) : {};
      return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, sampleValue(property)]));
    }
    case 'array':
      return typeof schema.items === 'object' && schema.items !== null ? [sampleValue(schema.items as Schema)] : [];
    case 'string':
      return 'Paris';
    case 'number':
    case 'integer':
      return 21;
    case 'boolean':
      return true;
    default:
      return typeof schema.properties === 'object' ? sampleValue({ ...schema, type: 'object' }) : null;
  }
}
