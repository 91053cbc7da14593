// Small helpers the schema explainer uses to compare JSON values and describe them in messages.

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left);
  if (leftKeys.length !== Object.keys(right).length) return false;
  return leftKeys.every((key) => jsonEqual((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]));
}

export function typeMatches(type: string, data: unknown): boolean {
  switch (type) {
    case 'integer': return Number.isInteger(data);
    case 'number': return typeof data === 'number' && Number.isFinite(data);
    case 'null': return data === null;
    case 'array': return Array.isArray(data);
    case 'object': return isObject(data);
    default: return typeof data === type;
  }
}

const typePhrases: Record<string, string> = { integer: 'an integer', number: 'a number', string: 'a string', boolean: 'a boolean', array: 'an array', object: 'an object', null: 'null' };

export function describeData(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'an array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'an integer' : 'a decimal';
  if (typeof data === 'object') return 'an object';
  return typePhrases[typeof data] ?? typeof data;
}

export function describeTypes(types: readonly string[]): string {
  const named = [...new Set(types.filter((type) => type !== 'null' || types.length === 1))].map((type) => typePhrases[type] ?? type);
  if (named.length <= 1) return named[0] ?? 'a different type';
  return `one of ${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}

export function quoteList(values: readonly unknown[]): string {
  const quoted = values.map((value) => `'${typeof value === 'string' ? value : JSON.stringify(value)}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

export function showValue(data: unknown): string {
  return typeof data === 'string' ? data : JSON.stringify(data);
}

export function describeTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
