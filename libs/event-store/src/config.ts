import { z } from 'zod';
import { InvalidConfigError } from './errors';

export const eventStoreConfigSchema = z
  .strictObject({
    /** postgres://… : use PostgreSQL. */
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
    /** kurrentdb://… (or esdb://…): use KurrentDB. */
    kurrentdbUrl: z.string().regex(/^(kurrentdb|kdb|esdb)(\+discover)?:\/\//, 'must be a kurrentdb:// URL').optional(),
    /** Directory for the embedded PGlite database; in memory when absent (tests). */
    dataDir: z.string().min(1).optional(),
    /** PostgreSQL pool size. */
    maxConnections: z.number().int().min(1).max(200).optional(),
  })
  .refine((config) => !(config.databaseUrl && config.kurrentdbUrl), {
    message: 'set databaseUrl or kurrentdbUrl, not both',
  });

export type EventStoreConfig = z.input<typeof eventStoreConfigSchema>;

/** Checks a config, throwing InvalidConfigError that names the first bad field. */
export function parseEventStoreConfig(config: EventStoreConfig): z.output<typeof eventStoreConfigSchema> {
  const parsed = eventStoreConfigSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidConfigError(`config${issue.path.map((part) => `.${String(part)}`).join('')}`, issue.message);
}
