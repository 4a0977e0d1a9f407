import { z } from 'zod';

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
