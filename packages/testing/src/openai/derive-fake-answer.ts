import type { FakeAnswerScript } from './fake-behaviour.js';

export interface PlannedToolCall {
  name: string;
  arguments: string;
  callId: string | undefined;
}

/** The content of one fake answer, before it is rendered into a wire format. */
export interface FakeAnswerPlan {
  reasoningSummary: string | undefined;
  text: string | undefined;
  toolCalls: PlannedToolCall[];
}

export interface FunctionToolSpec {
  name: string;
  parameters: unknown;
}

/** What the deterministic default needs from a request, independent of the API style. */
export interface ConversationDigest {
  lastUserText: string | undefined;
  lastToolOutput: string | undefined;
  tools: FunctionToolSpec[];
  inputText: string;
}

/**
 * The deterministic default: `Echo: <last user text>`; after a tool result, `Tool said: <output>`;
 * when a function tool named in `call <name>` exists, a call to it with arguments made from its schema.
 * A scripted answer overrides each part it sets.
 */
export function deriveFakeAnswer(digest: ConversationDigest, script: FakeAnswerScript | undefined): FakeAnswerPlan {
  const scriptedCalls = script?.toolCalls?.map((call) => ({
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
    callId: call.callId,
  }));
  const reasoningSummary = script?.reasoning?.summary;
  if (scriptedCalls !== undefined && scriptedCalls.length > 0) {
    return { reasoningSummary, text: script?.text, toolCalls: scriptedCalls };
  }
  if (script?.text !== undefined) return { reasoningSummary, text: script.text, toolCalls: [] };
  const requested = digest.lastToolOutput === undefined ? requestedTool(digest) : undefined;
  if (requested !== undefined) {
    return {
      reasoningSummary,
      text: undefined,
      toolCalls: [{ name: requested.name, arguments: JSON.stringify(exampleArguments(requested.parameters)), callId: undefined }],
    };
  }
  const text =
    digest.lastToolOutput !== undefined ? `Tool said: ${digest.lastToolOutput}` : `Echo: ${digest.lastUserText ?? ''}`;
  return { reasoningSummary, text, toolCalls: [] };
}

function requestedTool(digest: ConversationDigest): FunctionToolSpec | undefined {
  const text = digest.lastUserText;
  if (text === undefined) return undefined;
  return digest.tools.find((tool) => text.includes(`call ${tool.name}`));
}

/** Builds example arguments from a JSON schema: strings "test", numbers 1, booleans true, first enum value. */
export function exampleArguments(schema: unknown): Record<string, unknown> {
  const value = exampleValue(schema, 0);
  return isRecord(value) ? value : {};
}

function exampleValue(schema: unknown, depth: number): unknown {
  if (!isRecord(schema) || depth > 5) return {};
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return 'test';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'null':
      return null;
    default: {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(properties)) result[key] = exampleValue(property, depth + 1);
      return result;
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
