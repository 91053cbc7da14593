import type { Tool, ToolChoiceParam } from '@switchyard/contract';
import type { Warning } from '@switchyard/core';
import type { CohereTool } from './cohere-api.js';

export interface CohereToolSettings {
  tools?: CohereTool[];
  tool_choice?: 'REQUIRED' | 'NONE';
  strict_tools?: boolean;
}

/**
 * Responses `tools` / `tool_choice` → Cohere v2 `tools`, `tool_choice` and `strict_tools`.
 * - function tools → `{type:"function", function:{name, description, parameters}}` (no parameters → empty object schema);
 * - `strict: true` on every function tool → `strict_tools: true` (Cohere's switch is per request);
 * - `auto` → nothing (Cohere's default), `required` → `REQUIRED`, `none` → `NONE`;
 * - a named function → only that tool is sent, with `REQUIRED` (Cohere cannot name a tool, so the
 *   choice is made by offering just that one); `allowed_tools` → only those tools, `REQUIRED` when
 *   its mode is `required`;
 * - hosted tools (web search, file search, …) and their choices → warnings.
 */
export function prepareCohereTools(
  tools: readonly Tool[] | undefined,
  toolChoice: ToolChoiceParam | undefined,
): { settings: CohereToolSettings; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const functions: Array<{ tool: CohereTool; strict: boolean }> = [];
  (tools ?? []).forEach((tool, index) => {
    if (tool.type !== 'function') {
      warnings.push({ type: 'unsupported-parameter', parameter: `tools[${index}]`, message: `tools[${index}] (${tool.type}) is a hosted tool Cohere does not offer; it was dropped.` });
      return;
    }
    const description = typeof tool.description === 'string' && tool.description !== '' ? tool.description : undefined;
    functions.push({
      tool: {
        type: 'function',
        function: {
          name: tool.name,
          ...(description === undefined ? {} : { description }),
          parameters: tool.parameters ?? { type: 'object', properties: {} },
        },
      },
      strict: tool.strict === true,
    });
  });

  let offered = functions;
  let choice: 'REQUIRED' | 'NONE' | undefined;
  if (toolChoice === 'required') choice = 'REQUIRED';
  else if (toolChoice === 'none') choice = 'NONE';
  else if (typeof toolChoice === 'object' && toolChoice !== null) {
    if (toolChoice.type === 'function') {
      offered = functions.filter((entry) => entry.tool.function.name === toolChoice.name);
      if (offered.length === 0) {
        warnings.push({ type: 'unsupported-parameter', parameter: 'tool_choice', message: `tool_choice names "${toolChoice.name}", which is not among the function tools; it was ignored.` });
        offered = functions;
      } else choice = 'REQUIRED';
    } else if (toolChoice.type === 'allowed_tools') {
      const allowed = new Set(toolChoice.tools.filter((entry) => entry.type === 'function').map((entry) => String(entry.name)));
      offered = functions.filter((entry) => allowed.has(entry.tool.function.name));
      if (toolChoice.mode === 'required') choice = 'REQUIRED';
    } else {
      warnings.push({ type: 'unsupported-parameter', parameter: 'tool_choice', message: `tool_choice (${toolChoice.type}) names a tool Cohere does not offer; it was ignored.` });
    }
  }

  const settings: CohereToolSettings = {};
  if (offered.length > 0) settings.tools = offered.map((entry) => entry.tool);
  if (choice !== undefined && (choice === 'NONE' || offered.length > 0)) settings.tool_choice = choice;
  if (offered.length > 0 && offered.every((entry) => entry.strict)) settings.strict_tools = true;
  else if (offered.some((entry) => entry.strict)) {
    warnings.push({ type: 'unsupported-parameter', parameter: 'tools', message: 'tools: strict applies to all tools or none at Cohere (strict_tools); with a mix, the tools were sent non-strict.' });
  }
  return { settings, warnings };
}
