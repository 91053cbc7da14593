import type { ApiKeyChanges } from '../keys/api-key-repository.js';
import type { KeyBudget } from '../keys/api-key-record.js';
import { InvalidAdminRequestError } from '../errors/invalid-admin-request-error.js';
import {
  parseBudget, parseExpiry, parseLimit, parseMetadata, parseModels, parseName, rejectUnknownFields, requireObject,
} from './parse-fields.js';

export interface CreateKeyInput {
  readonly name: string;
  readonly tenantId: string;
  readonly allowedModels: string[] | null;
  readonly rpm: number | null;
  readonly tpm: number | null;
  readonly budget: KeyBudget | null;
  readonly expiresAt: Date | null;
  readonly metadata: Record<string, string>;
}

/** Every field `updateAdminKey` accepts. Anything else (`role`, `tenant`, `key`, `id`…) is a 400. */
export const updatableKeyFields = ['name', 'allowed_models', 'rpm', 'tpm', 'budget', 'expires_at', 'metadata'] as const;
const creatableKeyFields = [...updatableKeyFields, 'tenant'] as const;

export function parseCreateKeyBody(value: unknown): CreateKeyInput {
  const body = requireObject(value, null);
  rejectUnknownFields(body, creatableKeyFields);
  if (body['name'] === undefined) throw new InvalidAdminRequestError("Missing required parameter: 'name'.", 'name');
  if (body['tenant'] === undefined) throw new InvalidAdminRequestError("Missing required parameter: 'tenant'.", 'tenant');
  return {
    name: parseName(body['name'], 'name'),
    tenantId: parseName(body['tenant'], 'tenant'),
    allowedModels: body['allowed_models'] === undefined ? null : parseModels(body['allowed_models'], 'allowed_models'),
    rpm: body['rpm'] === undefined ? null : parseLimit(body['rpm'], 'rpm'),
    tpm: body['tpm'] === undefined ? null : parseLimit(body['tpm'], 'tpm'),
    budget: body['budget'] === undefined ? null : parseBudget(body['budget'], 'budget'),
    expiresAt: body['expires_at'] === undefined ? null : parseExpiry(body['expires_at'], 'expires_at'),
    metadata: body['metadata'] === undefined ? {} : parseMetadata(body['metadata'], 'metadata'),
  };
}

export function parseUpdateKeyBody(value: unknown): ApiKeyChanges {
  const body = requireObject(value, null);
  rejectUnknownFields(body, updatableKeyFields);
  const present = (field: string): boolean => body[field] !== undefined;
  return {
    ...(present('name') ? { name: parseName(body['name'], 'name') } : {}),
    ...(present('allowed_models') ? { allowedModels: parseModels(body['allowed_models'], 'allowed_models') } : {}),
    ...(present('rpm') ? { rpm: parseLimit(body['rpm'], 'rpm') } : {}),
    ...(present('tpm') ? { tpm: parseLimit(body['tpm'], 'tpm') } : {}),
    ...(present('budget') ? { budget: parseBudget(body['budget'], 'budget') } : {}),
    ...(present('expires_at') ? { expiresAt: parseExpiry(body['expires_at'], 'expires_at') } : {}),
    ...(present('metadata') ? { metadata: parseMetadata(body['metadata'], 'metadata') } : {}),
  };
}
