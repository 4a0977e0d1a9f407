/** The little each SQL driver must offer; PostgreSQL (pg) and PGlite both implement it. */
export interface SqlQueryable {
  /**
   * `statementName`: the same text is sent often, so a driver that can should prepare it once per
   * connection (PostgreSQL named statements skip parse and plan; PGlite ignores the name).
   */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[], statementName?: string): Promise<Row[]>;
}

export interface SqlExecutor extends SqlQueryable {
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
