import { describe, expect, it } from 'vitest';
import { contractDocument } from './contract-document.js';
import { operationMetadata } from './generated/operation-handlers.gen.js';

describe('operationMetadata', () => {
  it('lists every operation the contract agrees on, with its method, path and streaming flag', () => {
    expect(operationMetadata).toMatchObject({
      createResponse: { method: 'POST', path: '/v1/responses', streams: true, authenticated: true },
      getResponse: { method: 'GET', path: '/v1/responses/{response_id}', streams: true },
      deleteResponse: { method: 'DELETE', path: '/v1/responses/{response_id}', streams: false },
      cancelResponse: { method: 'POST', path: '/v1/responses/{response_id}/cancel', streams: false },
      listInputItems: { method: 'GET', path: '/v1/responses/{response_id}/input_items', streams: false },
      countInputTokens: { method: 'POST', path: '/v1/responses/input_tokens', streams: false },
      compactResponse: { method: 'POST', path: '/v1/responses/compact', streams: false },
      createChatCompletion: { method: 'POST', path: '/v1/chat/completions', streams: true },
      listModels: { method: 'GET', path: '/v1/models', streams: false },
      retrieveModel: { method: 'GET', path: '/v1/models/{model}', streams: false },
      getHealth: { method: 'GET', path: '/healthz', streams: false, authenticated: false },
      getReadiness: { method: 'GET', path: '/readyz', streams: false, authenticated: false },
    });
  });

  it('matches the bundled document operation by operation', () => {
    for (const [operationId, { method, path }] of Object.entries(operationMetadata)) {
      const pathItem = contractDocument.paths?.[path] as Record<string, { operationId?: string }> | undefined;
      expect(pathItem?.[method.toLowerCase()]?.operationId).toBe(operationId);
    }
  });
});
