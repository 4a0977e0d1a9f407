/**
 * A timestamptz column as an ISO-8601 UTC string with milliseconds ("2022-03-05T00:00:00.000Z").
 * Formatted by the database so that pg and PGlite (whose Dates would come from a worker thread)
 * hand back the same primitive, and so that it matches `Date.prototype.toISOString`.
 */
export const iso = (column: string, alias: string = column.replace(/^\w+\./, '')): string =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${alias}`;
