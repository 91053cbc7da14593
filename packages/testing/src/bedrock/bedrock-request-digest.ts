/** What the fake reads from a Converse request body (tolerant: unknown fields are ignored). */
export interface BedrockRequestDigest {
  /** Text of the last user message (text blocks only). */
  lastUserText: string;
  /** The tool results of the last user message, by tool use id. */
  toolResults: Array<{ toolUseId: string; text: string }>;
  /** Declared tools with their JSON input schemas. */
  tools: Array<{ name: string; schema: Record<string, unknown> }>;
  /** `toolChoice.tool.name` when the request forces one tool. */
  forcedTool: string | undefined;
  /** `toolChoice.any` was sent. */
  anyTool: boolean;
  maxTokens: number | undefined;
  stopSequences: string[];
  /** `additionalModelRequestFields.thinking.type === 'enabled'`. */
  thinking: boolean;
  /** Number of `cachePoint` blocks in `system`, `messages` and tools. */
  cachePoints: number;
  /** Rough input size: whitespace-separated words of every text in the request. */
  inputWords: number;
  /** A problem Bedrock would reject with a ValidationException. */
  invalid: string | undefined;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const words = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;

export function digestBedrockRequest(body: Json): BedrockRequestDigest {
  const messages = arrayOf(body.messages).filter(isObject);
  const system = arrayOf(body.system).filter(isObject);
  const toolConfig = isObject(body.toolConfig) ? body.toolConfig : {};
  const toolEntries = arrayOf(toolConfig.tools).filter(isObject);
  const toolChoice = isObject(toolConfig.toolChoice) ? toolConfig.toolChoice : {};
  const inference = isObject(body.inferenceConfig) ? body.inferenceConfig : {};
  const additional = isObject(body.additionalModelRequestFields) ? body.additionalModelRequestFields : {};
  const thinking = isObject(additional.thinking) && additional.thinking.type === 'enabled';

  let inputWords = 0;
  let cachePoints = 0;
  for (const block of system) {
    if (typeof block.text === 'string') inputWords += words(block.text);
    if (isObject(block.cachePoint)) cachePoints += 1;
  }
  for (const message of messages) {
    for (const block of arrayOf(message.content).filter(isObject)) {
      if (typeof block.text === 'string') inputWords += words(block.text);
      if (isObject(block.cachePoint)) cachePoints += 1;
    }
  }
  const tools = toolEntries.flatMap((entry) => {
    if (isObject(entry.cachePoint)) cachePoints += 1;
    const spec = isObject(entry.toolSpec) ? entry.toolSpec : undefined;
    if (spec === undefined || typeof spec.name !== 'string') return [];
    const inputSchema = isObject(spec.inputSchema) && isObject(spec.inputSchema.json) ? spec.inputSchema.json : {};
    return [{ name: spec.name, schema: inputSchema }];
  });

  const last = messages.at(-1);
  const lastBlocks = last === undefined ? [] : arrayOf(last.content).filter(isObject);
  const lastUserText = lastBlocks.map((block) => (typeof block.text === 'string' ? block.text : '')).join(' ').trim();
  const toolResults = lastBlocks.flatMap((block) => {
    const result = isObject(block.toolResult) ? block.toolResult : undefined;
    if (result === undefined) return [];
    const text = arrayOf(result.content)
      .filter(isObject)
      .map((part) => (typeof part.text === 'string' ? part.text : isObject(part.json) ? JSON.stringify(part.json) : ''))
      .join('');
    return [{ toolUseId: String(result.toolUseId), text }];
  });

  return {
    lastUserText,
    toolResults,
    tools,
    forcedTool: isObject(toolChoice.tool) && typeof toolChoice.tool.name === 'string' ? toolChoice.tool.name : undefined,
    anyTool: isObject(toolChoice.any),
    maxTokens: typeof inference.maxTokens === 'number' ? inference.maxTokens : undefined,
    stopSequences: arrayOf(inference.stopSequences).filter((value): value is string => typeof value === 'string'),
    thinking,
    cachePoints,
    inputWords,
    invalid: findInvalidity(messages, toolEntries.length > 0),
  };
}

/** The checks Bedrock itself makes on the conversation (alternation, non-empty content, toolConfig for tool blocks). */
function findInvalidity(messages: Json[], hasTools: boolean): string | undefined {
  if (messages.length === 0) return 'The model returned the following errors: messages: at least one message is required';
  if (messages[0]?.role !== 'user') return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  for (const [index, message] of messages.entries()) {
    if (message.role !== 'user' && message.role !== 'assistant') return `messages.${index}.role: invalid role`;
    if (index > 0 && messages[index - 1]?.role === message.role) {
      return 'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.';
    }
    const content = arrayOf(message.content);
    if (content.length === 0) return `The content field in the Message object at messages.${index} is empty. Add a ContentBlock object to the content field and try again.`;
    const usesTools = content.some((block) => isObject(block) && (isObject(block.toolUse) || isObject(block.toolResult)));
    if (usesTools && !hasTools) return 'The toolConfig field must be defined when using toolUse and toolResult content blocks.';
  }
  return undefined;
}
