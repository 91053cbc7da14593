import { InvalidAdminRequestError } from '../errors/invalid-admin-request-error.js';
import type { BudgetPeriod, KeyBudget } from '../keys/api-key-record.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObject(value: unknown, param: string | null): JsonObject {
  if (!isObject(value)) throw new InvalidAdminRequestError('The request body must be a JSON object.', param);
  return value;
}

export function rejectUnknownFields(body: JsonObject, allowed: readonly string[]): void {
  const unknown = Object.keys(body).find((field) => !allowed.includes(field));
  if (unknown !== undefined) {
    throw new InvalidAdminRequestError(`Unrecognized request argument supplied: ${unknown.slice(0, 80)}`, unknown.slice(0, 80));
  }
}

export function parseName(value: unknown, param: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 256) {
    throw new InvalidAdminRequestError(`'${param}' must be a non-empty string of at most 256 characters.`, param);
  }
  return value;
}

export function parseLimit(value: unknown, param: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2_147_483_647) {
    throw new InvalidAdminRequestError(`'${param}' must be a positive integer or null.`, param);
  }
  return value;
}

export function parseModels(value: unknown, param: string): string[] | null {
  if (value === null) return null;
  if (!Array.isArray(value) || value.length > 1000 || !value.every((model) => typeof model === 'string' && model !== '' && model.length <= 256)) {
    throw new InvalidAdminRequestError(`'${param}' must be an array of model names or null (every model).`, param);
  }
  return [...new Set(value as string[])];
}

const periods: readonly BudgetPeriod[] = ['daily', 'weekly', 'monthly', 'total'];

export function parseBudget(value: unknown, param: string): KeyBudget | null {
  if (value === null) return null;
  if (!isObject(value)) throw new InvalidAdminRequestError(`'${param}' must be an object {limit_usd, period} or null.`, param);
  rejectUnknownFields(value, ['limit_usd', 'period']);
  const limit = value['limit_usd'];
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0 || limit > 1e12) {
    throw new InvalidAdminRequestError(`'${param}.limit_usd' must be a number of USD, 0 or more.`, `${param}.limit_usd`);
  }
  const period = value['period'];
  if (typeof period !== 'string' || !periods.includes(period as BudgetPeriod)) {
    throw new InvalidAdminRequestError(`'${param}.period' must be one of ${periods.join(', ')}.`, `${param}.period`);
  }
  return { limitUsd: limit, period: period as BudgetPeriod };
}

export function parseExpiry(value: unknown, param: string): Date | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 253_402_300_799) {
    throw new InvalidAdminRequestError(`'${param}' must be a Unix time in seconds or null.`, param);
  }
  return new Date(value * 1000);
}

export function parseMetadata(value: unknown, param: string): Record<string, string> {
  if (!isObject(value) || Object.keys(value).length > 16) {
    throw new InvalidAdminRequestError(`'${param}' must be an object of at most 16 string values.`, param);
  }
  for (const [key, entry] of Object.entries(value)) {
    if (key.length > 64 || typeof entry !== 'string' || entry.length > 512) {
      throw new InvalidAdminRequestError(`'${param}' keys are at most 64 characters and values strings of at most 512.`, `${param}.${key.slice(0, 64)}`);
    }
  }
  return value as Record<string, string>;
}
