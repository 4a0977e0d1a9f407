import type { Role } from '../principal';

/**
 * People are part of the record: who could act, from when, and when that ended. Kept as events
 * in one stream beside the plans' (the projections and the plan reactor skip these types).
 */
export const DIRECTORY_STREAM = 'directory';

export interface PersonRegisteredData {
  personId: string;
  name: string;
  roles: Role[];
  departments: string[];
  at: string;
}

export interface PersonRevokedData {
  personId: string;
  reason: string;
  at: string;
}

export type DirectoryEvent =
  | { type: 'PersonRegistered'; schemaVersion: 1; data: PersonRegisteredData }
  | { type: 'PersonRevoked'; schemaVersion: 1; data: PersonRevokedData };

export const DIRECTORY_EVENT_TYPES: readonly DirectoryEvent['type'][] = ['PersonRegistered', 'PersonRevoked'];
