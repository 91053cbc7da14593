import type { OperationHandlers } from '@switchyard/contract';
import { adminHandlers } from './admin-handlers.js';
import { cancelResponse } from './cancel-response.js';
import { compactResponse } from './compact-response.js';
import { countInputTokens } from './count-input-tokens.js';
import { createChatCompletion } from './create-chat-completion.js';
import { createResponse } from './create-response.js';
import { deleteResponse } from './delete-response.js';
import { getHealth } from './get-health.js';
import { getReadiness } from './get-readiness.js';
import { getResponse } from './get-response.js';
import type { HandlerContext } from './handler-context.js';
import { listInputItems } from './list-input-items.js';
import { listModels } from './list-models.js';
import { retrieveModel } from './retrieve-model.js';

/** One handler per operationId of the contract; the compiler checks the map is complete. */
export const handlers = {
  createResponse,
  getResponse,
  deleteResponse,
  cancelResponse,
  listInputItems,
  countInputTokens,
  compactResponse,
  createChatCompletion,
  listModels,
  retrieveModel,
  getHealth,
  getReadiness,
  ...adminHandlers,
} satisfies OperationHandlers<HandlerContext>;

export type OperationId = keyof typeof handlers;
