import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import { PreparedStatementNames } from './prepared-statement-names.js';
import type { SqlParameter, SqlResult } from './sql-client.js';
import { sqlParameterText } from './sql-parameter-text.js';

/** Runs statements on a PGlite session. NOT serialised: the caller runs one call at a time. */
export interface PgliteStatementRunner {
  /** One parameterised statement (extended protocol), as a prepared statement when the cache has room. */
  query<Row extends object>(text: string, parameters: readonly SqlParameter[]): Promise<SqlResult<Row>>;
  /**
   * Statements without parameters (simple protocol). Returns the last command tag (`COMMIT`, or
   * `ROLLBACK` when COMMIT ended an aborted transaction). Forgets the prepared statements:
   * `exec` runs DDL and `SET search_path`, after which a statement must be analysed again.
   */
  exec(text: string, options?: { readonly keepPreparedStatements?: boolean }): Promise<string | undefined>;
}

type BackendMessage = Awaited<ReturnType<PGlite['execProtocol']>>['messages'][number];

const { serialize } = protocol;
const { DatabaseError, CommandCompleteMessage } = protocol.messages;
/** `cached plan must not change result type` and `prepared statement … does not exist`. */
const staleStatementCodes = new Set(['0A000', '26000']);

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const message = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    message.set(part, offset);
    offset += part.length;
  }
  return message;
}

function firstError(messages: readonly BackendMessage[]): InstanceType<typeof DatabaseError> | undefined {
  return messages.find((message): message is InstanceType<typeof DatabaseError> => message instanceof DatabaseError);
}

/**
 * Talks the PostgreSQL wire protocol to PGlite directly: each statement is ONE call into the
 * WASM engine (Parse/Bind/Describe/Execute/Sync pipelined) instead of PGlite's `query`, which
 * makes six calls (it asks the server for the parameter types first), and each distinct SQL text
 * is parsed once per session (named prepared statement). Parameters go in text format with the
 * types left to the server, as the `pg` driver does; rows come back through PGlite's own type
 * parsers, so results are identical to `query`'s.
 */
export function createPgliteStatementRunner(database: PGlite, names: PreparedStatementNames = new PreparedStatementNames()): PgliteStatementRunner {
  const send = async (parts: readonly Uint8Array[]): Promise<BackendMessage[]> => {
    const result = await database.execProtocol(concatenate(parts), { throwOnError: false, syncToFs: false });
    return result.messages;
  };
  return {
    async query<Row extends object>(text: string, parameters: readonly SqlParameter[]): Promise<SqlResult<Row>> {
      const values = parameters.map(sqlParameterText);
      const prepared = names.preparedName(text);
      const newName = prepared === undefined ? names.nameFor(text) : undefined;
      const statement = prepared ?? newName ?? '';
      const messages = await send([
        ...(prepared === undefined ? [serialize.parse({ name: statement, text })] : []),
        serialize.bind({ statement, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]);
      if (newName !== undefined && messages.some((message) => message.name === 'parseComplete')) names.remember(text, newName);
      const error = firstError(messages);
      if (error !== undefined) {
        if (error.code !== undefined && staleStatementCodes.has(error.code)) names.forgetAll();
        throw error;
      }
      const [result] = parse.parseResults(messages, database.parsers);
      return { rows: (result?.rows ?? []) as Row[], rowCount: result?.affectedRows ?? 0 };
    },
    async exec(text, options = {}) {
      const messages = await send([serialize.query(text)]);
      if (options.keepPreparedStatements !== true) names.forgetAll();
      const error = firstError(messages);
      if (error !== undefined) throw error;
      const tags = messages.filter((message) => message instanceof CommandCompleteMessage);
      return tags.at(-1)?.text;
    },
  };
}
