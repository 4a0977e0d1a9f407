import { z } from 'zod';
import { Identifier } from './primitives.schema';

/** A person's id in the people directory (what they sign in as): no spaces. */
const PersonId = z.string().min(1).max(200).regex(/^\S+$/, 'a person id has no spaces (the id people sign in with, e.g. "zhang-san")');

/** One person: an id alone, or the id with the name to show (default: the directory's name). */
export const RosterPersonInput = z.union([
  PersonId,
  z.strictObject({ id: PersonId, name: z.string().min(1).max(200).optional() }),
]);

/** Who holds a role at one unit: 班主任 of 一年级一班, 骨干教师 at a school. `people: []` vacates it. */
export const RosterFileEntry = z.strictObject({
  role: Identifier.describe('a role the plan declares under roles:, e.g. head-teacher'),
  unit: Identifier.describe('the unit (department) the role is held at, e.g. school-a'),
  people: z.array(RosterPersonInput).max(200).describe('who holds it from now on; [] gives the work back to the unit\'s head'),
});

/**
 * A roster file (YAML or JSON), supplied after a plan is published and again whenever it changes
 * (ADR 0022). `plan`, when given, must be the plan it is set on.
 */
export const RosterFile = z.strictObject({
  plan: Identifier.optional().describe('the plan this roster is for (checked against the plan it is set on)'),
  roster: z.array(RosterFileEntry).min(1, 'name at least one role@unit').max(5000),
});

export type RosterFile = z.infer<typeof RosterFile>;
export type RosterFileEntry = z.infer<typeof RosterFileEntry>;
