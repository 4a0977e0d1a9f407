import { toMillis } from '../shared/time';
import type { DirectoryCommand } from './directory.commands';
import { directoryEvent, type DirectoryEvent } from './directory.events';
import { initialDirectoryState, type DirectoryState } from './directory.state';

/**
 * Why the directory refused a command. Its own type, not the plan aggregates' DomainError: the
 * directory is not a plan aggregate, and `refusal` (used, expired, revoked) is what the invitation
 * page shows.
 */
export interface DirectoryError {
  code: 'already_exists' | 'not_found' | 'invalid_command' | 'invitation_unusable';
  aggregate: 'directory';
  id: string;
  refusal?: 'used' | 'expired' | 'revoked';
  message: string;
}

export type DirectoryDecision = { ok: true; events: DirectoryEvent[] } | { ok: false; error: DirectoryError };

const accept = (...events: DirectoryEvent[]): DirectoryDecision => ({ ok: true, events });
const nothingToDo = (): DirectoryDecision => ({ ok: true, events: [] });
const reject = (error: DirectoryError): DirectoryDecision => ({ ok: false, error });
const error = (code: DirectoryError['code'], id: string, message: string): DirectoryError => ({ code, aggregate: 'directory', id, message });

/**
 * The people directory's rules: ids are never reused, a revoked person stays revoked (and gets
 * no invitation or password), an invitation works once and until it expires.
 */
export function decideDirectory(command: DirectoryCommand, state: DirectoryState): DirectoryDecision {
  const { actor, at } = command.metadata;
  switch (command.type) {
    case 'RegisterPerson': {
      const { personId } = command.data;
      if (state.people[personId]) return reject(error('already_exists', personId, `person ${personId} is already registered (ids are never reused)`));
      return accept(directoryEvent('PersonRegistered', { ...command.data, at }, actor));
    }
    case 'RevokePerson': {
      const person = state.people[command.data.personId];
      if (!person) return reject(error('not_found', command.data.personId, `person ${command.data.personId} not found`));
      if (person.revokedAt !== undefined) return nothingToDo();
      return accept(directoryEvent('PersonRevoked', { ...command.data, at }, actor));
    }
    case 'IssueInvitation': {
      const person = state.people[command.data.personId];
      if (!person) return reject(error('not_found', command.data.personId, `person ${command.data.personId} not found`));
      if (person.revokedAt !== undefined) return reject(error('invalid_command', person.personId, `person ${person.personId} is revoked: no invitation`));
      if (toMillis(command.data.expiresAt) <= toMillis(at)) return reject(error('invalid_command', person.personId, 'an invitation must expire after it is issued'));
      if (state.invitations[command.data.tokenSha256]) return reject(error('already_exists', command.data.invitationId, 'this invitation token was issued before'));
      return accept(directoryEvent('InvitationIssued', { ...command.data, at }, actor));
    }
    case 'UseInvitation': {
      const invitation = state.invitations[command.data.tokenSha256];
      if (!invitation) return reject(error('not_found', 'invitation', 'no such invitation'));
      const person = state.people[invitation.personId];
      if (invitation.usedAt !== undefined) return reject(invitationRefused(invitation.invitationId, 'used', 'this invitation has been used'));
      if (toMillis(invitation.expiresAt) <= toMillis(at)) return reject(invitationRefused(invitation.invitationId, 'expired', `this invitation expired at ${invitation.expiresAt}`));
      if (!person || person.revokedAt !== undefined) return reject(invitationRefused(invitation.invitationId, 'revoked', 'this person\'s access has been revoked'));
      return accept(directoryEvent('InvitationUsed', { personId: invitation.personId, invitationId: invitation.invitationId, clientAddress: command.data.clientAddress, at }, actor));
    }
    case 'RecordPasswordChange': {
      const person = state.people[command.data.personId];
      if (!person) return reject(error('not_found', command.data.personId, `person ${command.data.personId} not found`));
      if (person.revokedAt !== undefined) return reject(error('invalid_command', person.personId, `person ${person.personId} is revoked`));
      return accept(directoryEvent('PasswordChanged', { ...command.data, at }, actor));
    }
  }
}

/** Why an invitation link no longer works; `status` tells used, expired and revoked apart. */
const invitationRefused = (id: string, refusal: NonNullable<DirectoryError['refusal']>, message: string): DirectoryError =>
  ({ code: 'invitation_unusable', aggregate: 'directory', id, refusal, message });

export function evolveDirectory(state: DirectoryState, event: DirectoryEvent): DirectoryState {
  switch (event.type) {
    case 'PersonRegistered': {
      const { personId, name, roles, departments, at } = event.data;
      return { ...state, people: { ...state.people, [personId]: { personId, name, roles, departments, registeredAt: at } } };
    }
    case 'PersonRevoked': {
      const person = state.people[event.data.personId];
      if (!person) return state;
      return { ...state, people: { ...state.people, [person.personId]: { ...person, revokedAt: event.data.at, revokedReason: event.data.reason } } };
    }
    case 'InvitationIssued': {
      const { personId, invitationId, tokenSha256, expiresAt, at } = event.data;
      return { ...state, invitations: { ...state.invitations, [tokenSha256]: { invitationId, personId, tokenSha256, expiresAt, issuedAt: at } } };
    }
    case 'InvitationUsed': {
      const entry = Object.values(state.invitations).find((i) => i.invitationId === event.data.invitationId);
      const person = state.people[event.data.personId];
      return {
        invitations: entry ? { ...state.invitations, [entry.tokenSha256]: { ...entry, usedAt: event.data.at } } : state.invitations,
        people: person ? { ...state.people, [person.personId]: { ...person, passwordSetAt: event.data.at } } : state.people,
      };
    }
    case 'PasswordChanged': {
      const person = state.people[event.data.personId];
      if (!person) return state;
      return { ...state, people: { ...state.people, [person.personId]: { ...person, passwordSetAt: event.data.at } } };
    }
  }
}

export interface DirectoryDecider {
  initialState: () => DirectoryState;
  decide: (command: DirectoryCommand, state: DirectoryState) => DirectoryDecision;
  evolve: (state: DirectoryState, event: DirectoryEvent) => DirectoryState;
}

export const directoryDecider: DirectoryDecider = {
  initialState: initialDirectoryState,
  decide: decideDirectory,
  evolve: evolveDirectory,
};
