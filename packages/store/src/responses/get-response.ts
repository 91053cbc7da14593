import type { SqlExecutor } from '../sql/sql-client.js';
import { responseFromRow, type ResponseRow, type StoredResponse } from './stored-response.js';

/** The response, or undefined when it is unknown OR belongs to another tenant (indistinguishable). */
export async function getResponse(executor: SqlExecutor, tenantId: string, id: string): Promise<StoredResponse | undefined> {
  const result = await executor.query<ResponseRow>('SELECT * FROM responses WHERE id = $1 AND tenant_id = $2', [id, tenantId]);
  const row = result.rows[0];
  return row === undefined ? undefined : responseFromRow(row);
}
