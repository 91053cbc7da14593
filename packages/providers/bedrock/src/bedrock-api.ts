/**
 * The upstream shapes this adapter reads and writes, taken from the AWS SDK (which owns the
 * Converse wire format and its SigV4 / event-stream transport), in one place.
 */
export type {
  ContentBlock as BedrockContentBlock,
  ContentBlockDelta as BedrockContentBlockDelta,
  ConverseCommandInput as BedrockConverseInput,
  ConverseCommandOutput as BedrockConverseOutput,
  ConverseStreamCommandInput as BedrockConverseStreamInput,
  ConverseStreamOutput as BedrockStreamEvent,
  DocumentFormat as BedrockDocumentFormat,
  ImageFormat as BedrockImageFormat,
  InferenceConfiguration as BedrockInferenceConfig,
  Message as BedrockMessage,
  ReasoningContentBlock as BedrockReasoningContentBlock,
  SystemContentBlock as BedrockSystemContentBlock,
  Tool as BedrockTool,
  ToolChoice as BedrockToolChoice,
  ToolConfiguration as BedrockToolConfig,
  ToolResultContentBlock as BedrockToolResultContentBlock,
  TokenUsage as BedrockTokenUsage,
} from '@aws-sdk/client-bedrock-runtime';

/** The request body both operations share (everything but the model id). */
export type BedrockConverseRequest = Omit<import('@aws-sdk/client-bedrock-runtime').ConverseCommandInput, 'modelId'>;

/** A JSON value as the SDK types it (tool inputs, schemas, additional model fields). */
export type BedrockDocument = NonNullable<import('@aws-sdk/client-bedrock-runtime').ToolUseBlock['input']>;
