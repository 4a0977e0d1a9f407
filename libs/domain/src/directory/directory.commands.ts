import type { CommandMetadata } from '../shared/decider';

export interface RegisterPerson {
  type: 'RegisterPerson';
  data: { personId: string; name: string; roles: string[]; departments: string[] };
  metadata: CommandMetadata;
}
export interface RevokePerson {
  type: 'RevokePerson';
  data: { personId: string; reason: string };
  metadata: CommandMetadata;
}
export interface IssueInvitation {
  type: 'IssueInvitation';
  data: { personId: string; invitationId: string; tokenSha256: string; expiresAt: string };
  metadata: CommandMetadata;
}
/** The invitation's token (by its hash) sets the person's first password. */
export interface UseInvitation {
  type: 'UseInvitation';
  data: { tokenSha256: string; clientAddress: string };
  metadata: CommandMetadata;
}
export interface RecordPasswordChange {
  type: 'RecordPasswordChange';
  data: { personId: string; clientAddress: string };
  metadata: CommandMetadata;
}

export type DirectoryCommand = RegisterPerson | RevokePerson | IssueInvitation | UseInvitation | RecordPasswordChange;
