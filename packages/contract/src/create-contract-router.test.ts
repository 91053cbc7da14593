import { describe, expect, it } from 'vitest';
import { createContractRouter } from './create-contract-router.js';

const router = createContractRouter();

describe('createContractRouter', () => {
  it.each([
    ['POST', '/v1/responses', 'createResponse', {}],
    ['GET', '/v1/responses/resp_123', 'getResponse', { response_id: 'resp_123' }],
    ['DELETE', '/v1/responses/resp_123', 'deleteResponse', { response_id: 'resp_123' }],
    ['POST', '/v1/responses/resp_123/cancel', 'cancelResponse', { response_id: 'resp_123' }],
    ['GET', '/v1/responses/resp_123/input_items', 'listInputItems', { response_id: 'resp_123' }],
    ['POST', '/v1/responses/input_tokens', 'countInputTokens', {}],
    ['POST', '/v1/responses/compact', 'compactResponse', {}],
    ['POST', '/v1/chat/completions', 'createChatCompletion', {}],
    ['GET', '/v1/models', 'listModels', {}],
    ['GET', '/v1/models/gpt-4o', 'retrieveModel', { model: 'gpt-4o' }],
    ['GET', '/healthz', 'getHealth', {}],
    ['GET', '/readyz', 'getReadiness', {}],
  ])('%s %s → %s', (method, path, operationId, pathParams) => {
    expect(router.match(method, path)).toEqual({ operationId, pathParams });
  });

  it('ignores the query string and the method case', () => {
    expect(router.match('get', '/v1/responses/resp_1?stream=true&include[]=x')).toEqual({ operationId: 'getResponse', pathParams: { response_id: 'resp_1' } });
  });

  it('decodes path parameters after matching, so an encoded slash stays inside the parameter', () => {
    expect(router.match('GET', '/v1/models/openai%2Fgpt-4o')).toEqual({ operationId: 'retrieveModel', pathParams: { model: 'openai/gpt-4o' } });
    expect(router.match('GET', '/v1/models/openai/gpt-4o')).toEqual({ error: 'not_found' });
  });

  it('prefers a literal segment over a template', () => {
    expect(router.match('POST', '/v1/responses/compact')).toEqual({ operationId: 'compactResponse', pathParams: {} });
    expect(router.match('GET', '/v1/responses/compact')).toEqual({ error: 'method_not_allowed', allowed: ['POST'] });
  });

  it.each([
    ['/v1/unknown'],
    ['/v1/models/'],
    ['/v1/responses/resp_1/steal'],
    ['v1/models'],
    ['/v1/models/%E0%A4%A'],
  ])('answers not_found for %s', (path) => {
    expect(router.match('GET', path)).toEqual({ error: 'not_found' });
  });

  it('answers method_not_allowed with the allowed methods', () => {
    expect(router.match('PUT', '/v1/responses/resp_1')).toEqual({ error: 'method_not_allowed', allowed: ['GET', 'DELETE'] });
    expect(router.match('GET', '/v1/chat/completions')).toEqual({ error: 'method_not_allowed', allowed: ['POST'] });
  });
});
