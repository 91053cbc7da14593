// Makes a copy of the bundled document that Ajv 2020 with `discriminator: true` accepts.
// Ajv reads the tag values from each branch's `const`/`enum` and rejects `mapping`; it also needs
// the tag to be required in every branch and only supports `discriminator` next to `oneOf`.
// Where a discriminator does not meet those rules, it is dropped (validation stays correct, Ajv
// just tries the branches one by one).
import { resolveLocal } from './list-operations.mjs';

function tagValues(document, parent, branch, tag) {
  const schema = resolveLocal(document, branch);
  const property = schema?.properties?.[tag];
  if (!property || typeof property !== 'object') return null;
  const required = (parent.required ?? []).includes(tag) || (schema.required ?? []).includes(tag);
  if (!required) return null;
  if (typeof property.const === 'string') return [property.const];
  if (Array.isArray(property.enum) && property.enum.every((value) => typeof value === 'string')) return property.enum;
  return null;
}

function discriminatorUsable(document, schema) {
  const tag = schema.discriminator?.propertyName;
  if (typeof tag !== 'string' || !Array.isArray(schema.oneOf)) return false;
  const seen = new Set();
  for (const branch of schema.oneOf) {
    // Ajv follows at most one $ref per branch.
    if (branch.$ref && resolveLocal(document, { $ref: branch.$ref })?.$ref) return false;
    const values = tagValues(document, schema, branch, tag);
    if (!values) return false;
    for (const value of values) {
      if (seen.has(value)) return false;
      seen.add(value);
    }
  }
  return true;
}

const annotations = new Set(['description', 'title', 'summary', 'example', 'examples', 'externalDocs', 'xml', 'deprecated']);
const schemaMaps = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const schemaLists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const schemaValues = ['additionalProperties', 'unevaluatedProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems'];

/** Removes annotations (descriptions, examples) from a schema tree: Ajv would copy them into the output. */
function stripSchema(schema) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  for (const key of Object.keys(schema)) {
    if (annotations.has(key) || key.startsWith('x-')) delete schema[key];
  }
  for (const key of schemaMaps) Object.values(schema[key] ?? {}).forEach(stripSchema);
  for (const key of schemaLists) (Array.isArray(schema[key]) ? schema[key] : []).forEach(stripSchema);
  for (const key of schemaValues) stripSchema(schema[key]);
}

/** Finds the schemas of a document (component schemas and every `schema` of a parameter, header or media type). */
function stripDocument(node, key) {
  if (!node || typeof node !== 'object') return;
  if (key === 'schema') return stripSchema(node);
  if (key === 'examples' || key === 'example') return;
  if (key === 'schemas') return Object.values(node).forEach(stripSchema);
  for (const [childKey, child] of Object.entries(node)) stripDocument(child, Array.isArray(node) ? key : childKey);
}

/** @returns {{document: object, kept: number, dropped: number}} */
export function prepareForAjv(source) {
  const document = structuredClone(source);
  stripDocument(document, undefined);
  let kept = 0;
  let dropped = 0;
  const visit = (node) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (node.discriminator && typeof node.discriminator === 'object' && typeof node.discriminator.propertyName === 'string') {
      if (discriminatorUsable(document, node)) {
        node.discriminator = { propertyName: node.discriminator.propertyName };
        kept += 1;
      } else {
        delete node.discriminator;
        dropped += 1;
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
  return { document, kept, dropped };
}
