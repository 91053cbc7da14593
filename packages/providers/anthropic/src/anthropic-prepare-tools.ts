import type { CreateResponse } from '@switchyard/contract';
import type { Warning } from '@switchyard/core';
import type { AnthropicTool, AnthropicToolChoice } from './anthropic-api.js';

export interface PreparedAnthropicTools {
  readonly tools: AnthropicTool[] | undefined;
  readonly toolChoice: AnthropicToolChoice | undefined;
  /** The name of the forced tool that carries `text.format: json_schema`, when one was added. */
  readonly structuredOutputToolName: string | undefined;
  /** `output_config.format` for native structured output. */
  readonly outputFormat: { readonly type: 'json_schema'; readonly schema: Readonly<Record<string, unknown>> } | undefined;
  readonly warnings: Warning[];
}

export interface PrepareAnthropicToolsOptions {
  readonly thinking: boolean;
  readonly structuredOutput: 'tool' | 'native';
}

const emptySchema = { type: 'object', properties: {} } as const;

/**
 * Responses `tools`, `tool_choice`, `parallel_tool_calls` and `text.format` → Anthropic `tools`,
 * `tool_choice` (`auto`, `any`, `tool`, `none`, with `disable_parallel_tool_use`) and, for JSON
 * output, a forced tool whose `input_schema` is the schema (or native `output_config.format`).
 */
export function prepareAnthropicTools(body: CreateResponse, options: PrepareAnthropicToolsOptions): PreparedAnthropicTools {
  const warnings: Warning[] = [];
  const warn = (parameter: string, message: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${message}` });
  };
  const tools: AnthropicTool[] = [];
  body.tools?.forEach((tool, index) => {
    if (tool.type !== 'function') return warn(`tools[${index}]`, `(${tool.type}) is a hosted tool Anthropic does not offer here; it was ignored.`);
    if (tool.strict === true) {
      warnings.push({ type: 'other', message: `tools[${index}].strict is not enforced by Anthropic here; the arguments are not validated against the schema.` });
    }
    tools.push({
      name: tool.name,
      ...(typeof tool.description === 'string' && tool.description !== '' ? { description: tool.description } : {}),
      input_schema: tool.parameters ?? emptySchema,
    });
  });

  let toolChoice = convertToolChoice(body.tool_choice, tools.length > 0, warn);
  const format = body.text?.format;
  let structuredOutputToolName: string | undefined;
  let outputFormat: PreparedAnthropicTools['outputFormat'];
  if (format?.type === 'json_schema' && options.structuredOutput === 'native') {
    outputFormat = { type: 'json_schema', schema: format.schema };
  } else if (format?.type === 'json_schema' || format?.type === 'json_object') {
    // A name no client function uses, so the answer is never mistaken for a call to run.
    const base = format.type === 'json_schema' ? format.name : 'json_object';
    let name = base;
    for (let suffix = 2; tools.some((tool) => tool.name === name); suffix += 1) name = `${base.slice(0, 60)}_${suffix}`;
    structuredOutputToolName = name;
    tools.push({
      name: structuredOutputToolName,
      description:
        format.type === 'json_schema' && typeof format.description === 'string' && format.description !== ''
          ? format.description
          : 'Give the final answer by calling this tool; its input is the answer as JSON.',
      input_schema: format.type === 'json_schema' ? format.schema : { type: 'object', additionalProperties: true },
    });
    if (options.thinking) {
      // Anthropic refuses forced tool use together with extended thinking.
      warnings.push({ type: 'other', message: 'With thinking enabled the JSON output tool cannot be forced; the model is asked, not required, to use it.' });
      toolChoice = { type: 'auto' };
    } else {
      toolChoice = tools.length > 1 ? { type: 'any' } : { type: 'tool', name: structuredOutputToolName };
    }
  }

  if (body.parallel_tool_calls === false && toolChoice?.type !== 'none' && tools.length > 0) {
    toolChoice = { ...(toolChoice ?? { type: 'auto' }), disable_parallel_tool_use: true };
  }
  if (options.thinking && (toolChoice?.type === 'any' || toolChoice?.type === 'tool')) {
    warn('tool_choice', 'cannot force a tool call while thinking is enabled (Anthropic allows only auto or none); "auto" was sent.');
    toolChoice = { type: 'auto', ...(body.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {}) };
  }
  return { tools: tools.length > 0 ? tools : undefined, toolChoice: tools.length > 0 ? toolChoice : undefined, structuredOutputToolName, outputFormat, warnings };
}

function convertToolChoice(
  toolChoice: CreateResponse['tool_choice'],
  hasTools: boolean,
  warn: (parameter: string, message: string) => void,
): AnthropicToolChoice | undefined {
  if (toolChoice === undefined || !hasTools) return undefined;
  if (toolChoice === 'auto') return { type: 'auto' };
  if (toolChoice === 'required') return { type: 'any' };
  if (toolChoice === 'none') return { type: 'none' };
  if (toolChoice.type === 'function' && 'name' in toolChoice) return { type: 'tool', name: toolChoice.name };
  if (toolChoice.type === 'allowed_tools' && 'mode' in toolChoice) {
    warn('tool_choice.tools', `(allowed_tools) cannot be expressed for Anthropic; all tools stay available with mode "${toolChoice.mode}".`);
    return toolChoice.mode === 'required' ? { type: 'any' } : { type: 'auto' };
  }
  warn('tool_choice', `of type ${toolChoice.type} names a tool Anthropic does not have here; it was ignored.`);
  return undefined;
}
