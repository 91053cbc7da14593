import type { ChatCompletionTool, ChatCompletionToolChoiceOption, CreateResponse } from '@switchyard/contract';
import type { Warning } from '../warnings/warning.js';

/**
 * Responses `tools` / `tool_choice` → chat. Only `function` tools exist in Chat Completions;
 * hosted tools (web_search, file_search, mcp, …) become warnings (a 400 in strict mode).
 */
export function convertResponsesToolsToChat(
  tools: CreateResponse['tools'],
  toolChoice: CreateResponse['tool_choice'],
): { tools: ChatCompletionTool[] | undefined; toolChoice: ChatCompletionToolChoiceOption | undefined; warnings: Warning[] } {
  const warnings: Warning[] = [];
  let chatTools: ChatCompletionTool[] | undefined;
  if (tools !== undefined && tools.length > 0) {
    chatTools = [];
    tools.forEach((tool, index) => {
      if (tool.type === 'function') {
        chatTools?.push({
          type: 'function',
          function: {
            name: tool.name,
            ...(tool.description === undefined || tool.description === null ? {} : { description: tool.description }),
            ...(tool.parameters === null ? {} : { parameters: tool.parameters }),
            ...(tool.strict === null || tool.strict === undefined ? {} : { strict: tool.strict }),
          },
        });
      } else {
        warnings.push({
          type: 'unsupported-parameter',
          parameter: `tools[${index}]`,
          message: `tools[${index}] (${tool.type}) is a hosted tool that Chat Completions providers do not have; it was ignored.`,
        });
      }
    });
    if (chatTools.length === 0) chatTools = undefined;
  }
  return { tools: chatTools, toolChoice: convertToolChoice(toolChoice, warnings), warnings };
}

function convertToolChoice(
  toolChoice: CreateResponse['tool_choice'],
  warnings: Warning[],
): ChatCompletionToolChoiceOption | undefined {
  if (toolChoice === undefined) return undefined;
  if (typeof toolChoice === 'string') return toolChoice;
  if (toolChoice.type === 'function' && 'name' in toolChoice) {
    return { type: 'function', function: { name: toolChoice.name } };
  }
  if (toolChoice.type === 'allowed_tools' && 'mode' in toolChoice) {
    warnings.push({
      type: 'unsupported-parameter',
      parameter: 'tool_choice.tools',
      message: `tool_choice.tools (allowed_tools) cannot be expressed in Chat Completions; all tools stay available with mode "${toolChoice.mode}".`,
    });
    return toolChoice.mode;
  }
  warnings.push({
    type: 'unsupported-parameter',
    parameter: 'tool_choice',
    message: `tool_choice of type ${toolChoice.type} names a tool Chat Completions providers do not have; it was ignored.`,
  });
  return undefined;
}
