import { RoutingConfigError } from './routing-config-error.js';

export type ConfigObject = Readonly<Record<string, unknown>>;

export function objectAt(value: unknown, path: string): ConfigObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RoutingConfigError(path, 'must be an object');
  return value as ConfigObject;
}

export function rejectUnknownKeys(value: ConfigObject, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new RoutingConfigError(`${path}.${key}`, `is not a known field (expected one of ${allowed.join(', ')})`);
  }
}

export function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new RoutingConfigError(path, 'must be a non-empty string');
  return value;
}

export function optionalNumberAt(value: unknown, path: string, options: { readonly integer?: boolean; readonly minimum?: number } = {}): number | undefined {
  if (value === undefined || value === null) return undefined;
  const minimum = options.minimum ?? 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum || (options.integer === true && !Number.isSafeInteger(value))) {
    throw new RoutingConfigError(path, `must be ${options.integer === true ? 'an integer' : 'a number'} >= ${minimum}`);
  }
  return value;
}

export function optionalBooleanAt(value: unknown, path: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new RoutingConfigError(path, 'must be true or false');
  return value;
}

export function stringListAt(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new RoutingConfigError(path, 'must be a list of strings');
  return value.map((entry, index) => stringAt(entry, `${path}[${index}]`));
}
