/** A value bound to a `$n` placeholder. JSON goes in as a string with an explicit `::jsonb` cast. */
export type SqlParameter = string | number | boolean | null | Date;

export interface SqlResult<Row> {
  readonly rows: Row[];
  /** Rows changed by INSERT/UPDATE/DELETE (0 for a SELECT on drivers that do not count). */
  readonly rowCount: number;
}

/** What one connection (or one open transaction) can do. */
export interface SqlExecutor {
  /** One parameterised statement. Never interpolate values into `text`. */
  query<Row extends object = Record<string, unknown>>(text: string, parameters?: readonly SqlParameter[]): Promise<SqlResult<Row>>;
  /** Runs several statements without parameters (migrations only). */
  exec(text: string): Promise<void>;
}

/**
 * The tiny driver interface both backends implement. `transaction` runs `work` on one connection
 * between BEGIN and COMMIT (ROLLBACK when it throws). Inside `work`, use only the `transaction`
 * executor it receives: the outer client may be busy (PGlite has a single connection).
 */
export interface SqlClient extends SqlExecutor {
  readonly dialect: 'pglite' | 'postgres';
  transaction<T>(work: (transaction: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
