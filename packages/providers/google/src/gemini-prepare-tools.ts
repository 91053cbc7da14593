import type { CreateResponse } from '@switchyard/contract';
import type { Warning } from '@switchyard/core';
import { convertJsonSchemaToGeminiSchema } from './convert-json-schema-to-gemini-schema.js';
import type { GeminiFunctionDeclaration, GeminiToolConfig } from './gemini-api.js';

export interface PreparedGeminiTools {
  readonly tools: Array<{ functionDeclarations: GeminiFunctionDeclaration[] }> | undefined;
  readonly toolConfig: GeminiToolConfig | undefined;
  readonly warnings: Warning[];
}

/**
 * `tools` → one `functionDeclarations` tool; `tool_choice` → `toolConfig.functionCallingConfig`
 * (auto → AUTO, required → ANY, a named function → ANY + `allowedFunctionNames`,
 * allowed_tools → AUTO/ANY + names, none → NONE). Hosted OpenAI tools have no Gemini
 * equivalent here and are dropped with a warning.
 * Reference: https://ai.google.dev/gemini-api/docs/function-calling
 */
export function prepareGeminiTools(body: Pick<CreateResponse, 'tools' | 'tool_choice' | 'parallel_tool_calls'>): PreparedGeminiTools {
  const warnings: Warning[] = [];
  const declarations: GeminiFunctionDeclaration[] = [];
  (body.tools ?? []).forEach((tool, index) => {
    if (tool.type !== 'function') {
      warnings.push({ type: 'unsupported-parameter', parameter: `tools[${index}]`, message: `tools[${index}] (${tool.type}) is not available for Gemini models and was dropped.` });
      return;
    }
    const declaration: GeminiFunctionDeclaration = { name: tool.name };
    if (typeof tool.description === 'string' && tool.description !== '') declaration.description = tool.description;
    const conversion = convertJsonSchemaToGeminiSchema(tool.parameters ?? undefined);
    const schema = conversion.schema;
    if (schema !== undefined && !(schema.type === 'object' && Object.keys(schema.properties ?? {}).length === 0)) declaration.parameters = schema;
    if (conversion.dropped.length > 0) {
      warnings.push({ type: 'other', message: `tools[${index}].parameters: Gemini's schema subset has no ${conversion.dropped.join(', ')}; dropped.` });
    }
    declarations.push(declaration);
  });
  if (body.parallel_tool_calls === false && declarations.length > 0) {
    warnings.push({ type: 'unsupported-parameter', parameter: 'parallel_tool_calls', message: 'parallel_tool_calls: false cannot be enforced on Gemini; the model may still call several functions.' });
  }
  const tools = declarations.length > 0 ? [{ functionDeclarations: declarations }] : undefined;
  const choice = body.tool_choice;
  let toolConfig: GeminiToolConfig | undefined;
  if (choice === 'none') toolConfig = { functionCallingConfig: { mode: 'NONE' } };
  else if (choice === 'required') toolConfig = { functionCallingConfig: { mode: 'ANY' } };
  else if (choice === 'auto' || choice === undefined || choice === null) toolConfig = undefined;
  else if (choice.type === 'function') toolConfig = { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } };
  else if (choice.type === 'allowed_tools') {
    const names = choice.tools.map((entry) => entry['name']).filter((name): name is string => typeof name === 'string');
    // Gemini restricts functions only in ANY mode; in AUTO mode every declared function stays callable.
    if (choice.mode === 'required') toolConfig = { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: names } };
    else warnings.push({ type: 'unsupported-parameter', parameter: 'tool_choice', message: 'allowed_tools in auto mode cannot restrict Gemini; every declared function stays callable.' });
  } else {
    warnings.push({ type: 'unsupported-parameter', parameter: 'tool_choice', message: `tool_choice ${choice.type} is not available for Gemini models and was ignored.` });
  }
  if (tools === undefined && toolConfig !== undefined) toolConfig = undefined;
  return { tools, toolConfig, warnings };
}
