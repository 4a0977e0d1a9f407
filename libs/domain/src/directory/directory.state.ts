import type { Instant } from '../shared/time';

export interface DirectoryInvitation {
  invitationId: string;
  personId: string;
  tokenSha256: string;
  expiresAt: Instant;
  issuedAt: Instant;
  usedAt?: Instant;
}

export interface DirectoryPerson {
  personId: string;
  name: string;
  roles: string[];
  departments: string[];
  registeredAt: Instant;
  revokedAt?: Instant;
  revokedReason?: string;
  /** When the person last set a password (through an invitation or a change). */
  passwordSetAt?: Instant;
}

export interface DirectoryState {
  people: Record<string, DirectoryPerson>;
  /** Keyed by the token's SHA-256: how an invitation link is looked up. */
  invitations: Record<string, DirectoryInvitation>;
}

export const initialDirectoryState = (): DirectoryState => ({ people: {}, invitations: {} });
