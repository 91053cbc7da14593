export type * from './generated/types.gen.js';
export type { OperationHandlers, OperationId, OperationInput, OperationMetadata } from './generated/operation-handlers.gen.js';
export { operationMetadata } from './generated/operation-handlers.gen.js';
export { contractDocument } from './contract-document.js';
export { createContractRouter } from './create-contract-router.js';
export type { ContractRouter, RouteMatch } from './create-contract-router.js';
export { validateOperationRequest, validateOperationResponse, validateStreamEvent } from './validate-operation.js';
export type { OperationRequestParts, RequestValidationResult, ValidationError, ValidationResult } from './validate-operation.js';
export type { JsonSchema, JsonSchemaObject } from './validator-catalog.js';
