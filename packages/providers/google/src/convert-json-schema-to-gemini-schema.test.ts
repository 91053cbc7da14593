import { describe, expect, it } from 'vitest';
import { convertJsonSchemaToGeminiSchema } from './convert-json-schema-to-gemini-schema.js';

describe('convertJsonSchemaToGeminiSchema', () => {
  it('turns strict OpenAI schemas into the OpenAPI subset', () => {
    const result = convertJsonSchemaToGeminiSchema({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'Name' },
        age: { type: ['integer', 'null'] },
        kind: { const: 'person' },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, maxItems: 3 },
        address: { $ref: '#/$defs/address' },
        either: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
      required: ['name', 'age'],
      additionalProperties: false,
      $defs: { address: { type: 'object', properties: { city: { type: 'string', pattern: '^[A-Z]' } } } },
    });
    expect(result).toEqual({
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'Name' },
          age: { type: 'integer', nullable: true },
          kind: { type: 'string', enum: ['person'] },
          tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, maxItems: 3 },
          address: { type: 'object', properties: { city: { type: 'string' } } },
          either: { type: 'string', nullable: true },
        },
        required: ['name', 'age'],
      },
      dropped: ['pattern'],
    });
  });
});
