// Unit tests of the generator scripts on small documents (the real output is covered by the other tests).
import { describe, expect, it } from 'vitest';
import { renderOperationHandlers } from '../scripts/generate-operation-handlers.mjs';
import { prepareForAjv } from '../scripts/prepare-for-ajv.mjs';

const ok = (schema: object) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });

describe('renderOperationHandlers', () => {
  const document = {
    openapi: '3.1.0',
    security: [{ bearerAuth: [] }],
    paths: {
      '/things': {
        post: {
          operationId: 'createThing',
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Thing' } },
                'text/event-stream': { schema: { $ref: '#/components/schemas/ThingEvent' } },
              },
            },
          },
        },
      },
      '/ping': { get: { operationId: 'ping', security: [], responses: ok({ type: 'string' }) } },
    },
    components: { schemas: { Thing: { type: 'object' }, ThingEvent: { type: 'object' } } },
  };
  const types = ['CreateThingData', 'CreateThingResponse', 'ThingEvent', 'PingData', 'PingResponse'].map((name) => `export type ${name} = {};`).join('\n');

  it('types streaming operations with their event schema and records metadata', () => {
    const output = renderOperationHandlers(document, types);
    expect(output).toContain('createThing: (input: OperationInput<CreateThingData>, context: TContext) => Promise<CreateThingResponse | AsyncIterable<ThingEvent>>;');
    expect(output).toContain('ping: (input: OperationInput<PingData>, context: TContext) => Promise<PingResponse>;');
    expect(output).toContain("createThing: { method: 'POST', path: '/things', streams: true, authenticated: true },");
    expect(output).toContain("ping: { method: 'GET', path: '/ping', streams: false, authenticated: false },");
  });

  it('fails loudly when hey-api did not generate a type it needs', () => {
    expect(() => renderOperationHandlers(document, 'export type PingData = {};')).toThrow(/has no type CreateThingData/);
  });
});

describe('prepareForAjv', () => {
  const branch = (tag: string, required = true) => ({ type: 'object', required: required ? ['type'] : [], properties: { type: { const: tag } } });

  it('keeps a usable discriminator without its mapping', () => {
    const { document, kept, dropped } = prepareForAjv({
      components: { schemas: { Union: { oneOf: [branch('a'), branch('b')], discriminator: { propertyName: 'type', mapping: { a: '#/x', b: '#/y' } } } } },
    });
    expect({ kept, dropped }).toEqual({ kept: 1, dropped: 0 });
    expect(document).toMatchObject({ components: { schemas: { Union: { discriminator: { propertyName: 'type' } } } } });
    expect(JSON.stringify(document)).not.toContain('mapping');
  });

  it.each([
    ['an optional tag', { oneOf: [branch('a'), branch('b', false)], discriminator: { propertyName: 'type' } }],
    ['a duplicated tag value', { oneOf: [branch('a'), branch('a')], discriminator: { propertyName: 'type' } }],
    ['anyOf instead of oneOf', { anyOf: [branch('a'), branch('b')], discriminator: { propertyName: 'type' } }],
  ])('drops a discriminator Ajv would reject: %s', (_, union) => {
    const { document, dropped } = prepareForAjv({ components: { schemas: { Union: union } } });
    expect(dropped).toBe(1);
    expect(JSON.stringify(document)).not.toContain('discriminator');
  });

  it('strips annotations but keeps properties that happen to be named like them', () => {
    const { document } = prepareForAjv({
      components: { schemas: { Tool: { type: 'object', description: 'x', example: {}, properties: { description: { type: 'string', description: 'y' } } } } },
    });
    expect(document).toEqual({ components: { schemas: { Tool: { type: 'object', properties: { description: { type: 'string' } } } } } });
  });

  it('does not touch the source document', () => {
    const source = { components: { schemas: { A: { type: 'string', description: 'kept' } } } };
    prepareForAjv(source);
    expect(source.components.schemas.A.description).toBe('kept');
  });
});
