import type { CreateResponse, FunctionTool, Tool } from '@switchyard/contract';
import type { Warning } from '@switchyard/core';
import type { BedrockDocument, BedrockTool, BedrockToolChoice, BedrockToolConfig } from './bedrock-api.js';

export interface PreparedBedrockTools {
  readonly toolConfig: BedrockToolConfig | undefined;
  /** The name of the tool that carries a json_schema answer (its input is the answer text). */
  readonly jsonToolName: string | undefined;
  readonly warnings: Warning[];
}

export interface PrepareBedrockToolsOptions {
  readonly tools: CreateResponse['tools'];
  readonly toolChoice: CreateResponse['tool_choice'];
  readonly format: NonNullable<CreateResponse['text']>['format'];
  /** The conversation already holds toolUse/toolResult blocks (Bedrock then requires tools). */
  readonly hasToolBlocks: boolean;
  /** Tools the history calls, declared (with an open schema) when the request sends none. */
  readonly historyToolNames?: readonly string[];
  readonly promptCaching: boolean;
}

const emptySchema = { type: 'object', properties: {} };

function toolSpec(tool: FunctionTool): BedrockTool {
  const description = typeof tool.description === 'string' && tool.description !== '' ? tool.description : undefined;
  // Tool schemas are JSON from the validated request: a document as the SDK types it.
  const json = (tool.parameters ?? emptySchema) as BedrockDocument;
  return {
    toolSpec: {
      name: tool.name,
      ...(description === undefined ? {} : { description }),
      inputSchema: { json },
      ...(tool.strict === true ? { strict: true } : {}),
    },
  };
}

/**
 * Builds `toolConfig`: function tools → `toolSpec`s; `tool_choice` auto → (Bedrock's default),
 * required → `any`, a named function → `tool`, `allowed_tools` → the listed subset; `none` → no
 * tools at all (Bedrock has no "none"), unless the conversation already holds tool blocks, which
 * Bedrock only accepts with a toolConfig (then a warning). json_schema output is the documented
 * Converse mechanism: one extra tool whose input schema is the format's schema, forced with
 * `toolChoice.tool`; its input is returned as the answer text.
 */
export function prepareBedrockTools(options: PrepareBedrockToolsOptions): PreparedBedrockTools {
  const warnings: Warning[] = [];
  const warn = (parameter: string, reason: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}` });
  };
  let functions: FunctionTool[] = [];
  (options.tools ?? []).forEach((tool: Tool, index) => {
    if (tool.type === 'function') functions.push(tool as FunctionTool);
    else warn(`tools[${index}]`, `(${String(tool.type)}) is a hosted tool Bedrock does not offer; it was dropped.`);
  });

  let toolChoice: BedrockToolChoice | undefined;
  const choice = options.toolChoice;
  if (choice === 'none') {
    if (options.hasToolBlocks && functions.length > 0) warn('tool_choice', '"none" does not exist on Bedrock, and tools must be sent with a conversation holding tool calls; the model may call them.');
    else functions = [];
  } else if (choice === 'required') {
    toolChoice = { any: {} };
  } else if (typeof choice === 'object' && choice !== null) {
    if (choice.type === 'function') toolChoice = { tool: { name: choice.name } };
    else if (choice.type === 'allowed_tools') {
      const allowed = new Set(choice.tools.map((entry) => entry.name).filter((name): name is string => typeof name === 'string'));
      functions = functions.filter((tool) => allowed.has(tool.name));
      if (choice.mode === 'required') toolChoice = { any: {} };
    } else warn('tool_choice', `(${choice.type}) names a tool Bedrock does not offer; the model chooses freely.`);
  }

  const tools: BedrockTool[] = functions.map(toolSpec);
  let jsonToolName: string | undefined;
  if (options.format?.type === 'json_schema') {
    jsonToolName = options.format.name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'json_response';
    const description = typeof options.format.description === 'string' ? options.format.description : 'Answer with JSON that matches this schema.';
    tools.push({ toolSpec: { name: jsonToolName, description, inputSchema: { json: options.format.schema as BedrockDocument } } });
    if (functions.length === 0) toolChoice = { tool: { name: jsonToolName } };
    else {
      toolChoice = { any: {} };
      warnings.push({ type: 'other', message: 'text.format json_schema with tools: the model either calls a tool or answers through the JSON tool.' });
    }
  } else if (options.format?.type === 'json_object') {
    warn('text.format', '(json_object) has no Bedrock equivalent without a schema; the answer is plain text.');
  }

  if (tools.length === 0 && options.hasToolBlocks) {
    // Bedrock rejects toolUse/toolResult blocks without a toolConfig; declare the tools the history used.
    const names = options.historyToolNames !== undefined && options.historyToolNames.length > 0 ? options.historyToolNames : ['previous_tool'];
    for (const name of names) {
      tools.push({ toolSpec: { name, description: 'A tool used earlier in this conversation; not offered in this request.', inputSchema: { json: emptySchema as BedrockDocument } } });
    }
    warnings.push({ type: 'other', message: 'The conversation holds tool calls but the request declares no tools; Bedrock requires them, so the tools the history used were declared with open schemas.' });
  }
  if (tools.length === 0) return { toolConfig: undefined, jsonToolName, warnings };
  if (options.promptCaching) tools.push({ cachePoint: { type: 'default' } });
  return { toolConfig: { tools, ...(toolChoice === undefined ? {} : { toolChoice }) }, jsonToolName, warnings };
}
