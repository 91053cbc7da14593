import type { CreateResponse, Response } from '@switchyard/contract';
import { createResponseSnapshot } from '@switchyard/core';

/** The `Response` object of a row that has not finished yet (`queued` or `in_progress`, no output). */
export function createRowSnapshot(id: string, body: CreateResponse, status: 'queued' | 'in_progress'): Response {
  const snapshot = createResponseSnapshot(
    { responseId: id, createdAt: Math.floor(Date.now() / 1000), model: body.model as string, request: body },
    { status: 'in_progress', output: [] },
  );
  return { ...snapshot, status };
}
