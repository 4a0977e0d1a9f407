import { z } from 'zod';

/** ASCII identifiers: safe in URLs, stream names and BullMQ job ids (which forbid ':'). */
export const Identifier = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case ASCII letters, digits and "-" (e.g. "norm-year")')
  .max(64, 'identifiers are at most 64 characters');

/** A calendar date in the plan's time zone, written YYYY-MM-DD (YAML dates are accepted too). */
export const LocalDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'write dates as YYYY-MM-DD, e.g. 2022-03-05', abort: true })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date'),
);

/** A school year named by the calendar year in which it starts: 2021 = 2021-09-01 … 2022-08-31. */
export const SchoolYear = z.number().int().min(1990).max(2100);

export const Text = z.string().trim().min(1, 'must not be empty');
