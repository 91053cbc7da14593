// Walks a bundled OpenAPI document and lists its operations in document order.
// Shared by the generators; the runtime has its own typed copy in src/contract-operations.ts.

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Resolves a local `#/...` reference (one or more hops) inside the document. */
export function resolveLocal(document, value) {
  let current = value;
  const seen = new Set();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = resolvePointer(document, current.$ref);
  }
  return current;
}

export function resolvePointer(document, reference) {
  if (!reference.startsWith('#')) throw new Error(`only local references are supported, got ${reference}`);
  const segments = reference.slice(1).split('/').slice(1);
  let current = document;
  for (const segment of segments) {
    const key = decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
    current = current?.[key];
    if (current === undefined) throw new Error(`unresolvable $ref ${reference}`);
  }
  return current;
}

export function pointerFor(segments) {
  return '#/' + segments.map((segment) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

/**
 * @returns {Array<{operationId: string, method: string, path: string, pointer: string[], operation: object,
 *   parameters: object[], streams: boolean}>}
 */
export function listOperations(document) {
  const operations = [];
  for (const [path, rawPathItem] of Object.entries(document.paths ?? {})) {
    const pathItem = resolveLocal(document, rawPathItem);
    const pathParameters = (pathItem.parameters ?? []).map((parameter) => resolveLocal(document, parameter));
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const ownParameters = (operation.parameters ?? []).map((parameter) => resolveLocal(document, parameter));
      const parameters = [
        ...pathParameters.filter((shared) => !ownParameters.some((own) => own.name === shared.name && own.in === shared.in)),
        ...ownParameters,
      ];
      const okResponse = resolveLocal(document, operation.responses?.['200']);
      const streams = Boolean(okResponse?.content?.['text/event-stream']);
      operations.push({ operationId: operation.operationId, method: method.toUpperCase(), path, pointer: ['paths', path, method], operation, parameters, streams });
    }
  }
  return operations;
}
