import type { Actor } from '../shared/actor';
import type { DomainEventOf } from '../shared/decider';
import type { Instant } from '../shared/time';

/**
 * The people directory: who may act, how they got their password, and when that ended. One
 * stream (`directory`). Event data keeps `at` beside the envelope's business time because the
 * first version stored it there (stored events are never rewritten).
 * Secrets never enter the record: an invitation is kept as the SHA-256 of its token, a password
 * change as the fact only (the hash lives in the credentials table, which can be erased).
 */
export const DIRECTORY_STREAM = 'directory';

export interface PersonRegisteredData {
  personId: string;
  name: string;
  roles: string[];
  departments: string[];
  at: Instant;
}
export interface PersonRevokedData {
  personId: string;
  reason: string;
  at: Instant;
}
export interface InvitationIssuedData {
  personId: string;
  invitationId: string;
  /** Hex SHA-256 of the one-time token; the token itself is only in the link. */
  tokenSha256: string;
  expiresAt: Instant;
  at: Instant;
}
export interface InvitationUsedData {
  personId: string;
  invitationId: string;
  clientAddress: string;
  at: Instant;
}
export interface PasswordChangedData {
  personId: string;
  clientAddress: string;
  at: Instant;
}

export type PersonRegistered = DomainEventOf<'PersonRegistered', PersonRegisteredData>;
export type PersonRevoked = DomainEventOf<'PersonRevoked', PersonRevokedData>;
export type InvitationIssued = DomainEventOf<'InvitationIssued', InvitationIssuedData>;
export type InvitationUsed = DomainEventOf<'InvitationUsed', InvitationUsedData>;
export type PasswordChanged = DomainEventOf<'PasswordChanged', PasswordChangedData>;

export type DirectoryEvent = PersonRegistered | PersonRevoked | InvitationIssued | InvitationUsed | PasswordChanged;
export type DirectoryEventType = DirectoryEvent['type'];

export const DIRECTORY_EVENT_TYPES: readonly DirectoryEventType[] = ['PersonRegistered', 'PersonRevoked', 'InvitationIssued', 'InvitationUsed', 'PasswordChanged'];

export const isDirectoryEventType = (type: string): type is DirectoryEventType => (DIRECTORY_EVENT_TYPES as readonly string[]).includes(type);

/** Builds an event of the directory: business time and actor come from the command. */
export const directoryEvent = <E extends DirectoryEvent>(type: E['type'], data: E['data'], actor: Actor): E =>
  ({ type, schemaVersion: 1, at: data.at, actor, data }) as E;
