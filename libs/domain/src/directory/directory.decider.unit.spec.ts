import type { Actor } from '../shared/actor';
import type { DirectoryCommand } from './directory.commands';
import { directoryDecider, type DirectoryError } from './directory.decider';
import { directoryEvent, type DirectoryEvent, type InvitationIssued, type PersonRegistered, type PersonRevoked } from './directory.events';

/** Given these facts, when this command, then these facts (or this refusal): the directory's rules without a store. */
const given = (events: DirectoryEvent[]) => {
  const state = events.reduce(directoryDecider.evolve, directoryDecider.initialState());
  return {
    state,
    when: (command: DirectoryCommand) => {
      const decision = directoryDecider.decide(command, state);
      return {
        then: (expected: DirectoryEvent[]) => {
          if (!decision.ok) throw new Error(`expected events, got ${JSON.stringify(decision.error)}`);
          expect(decision.events).toEqual(expected);
        },
        thenFails: (match: Partial<DirectoryError>) => {
          if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.events.map((e) => e.type))}`);
          expect(decision.error).toMatchObject(match);
        },
      };
    },
  };
};

const admin: Actor = { userId: 'admin', role: 'admin' };
const system: Actor = { userId: 'li', role: 'system' };
const T0 = '2031-01-10T02:00:00.000Z';
const DAY = 86_400_000;
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const meta = (when: string, actor: Actor = admin) => ({ actor, at: when });

const registered: PersonRegistered = directoryEvent('PersonRegistered', { personId: 'li', name: '李四', roles: ['department_head'], departments: ['xugou-primary'], at: T0 }, admin);
const invited: InvitationIssued = directoryEvent('InvitationIssued', { personId: 'li', invitationId: 'inv-1', tokenSha256: 'aa'.repeat(32), expiresAt: at(7 * DAY), at: T0 }, admin);
const revoked: PersonRevoked = directoryEvent('PersonRevoked', { personId: 'li', reason: 'left', at: at(DAY) }, admin);
const use = (when: string): DirectoryCommand => ({ type: 'UseInvitation', data: { tokenSha256: 'aa'.repeat(32), clientAddress: '10.0.0.7' }, metadata: meta(when, system) });

describe('directory decider', () => {
  it('registers a person once: ids are never reused, even after a revocation', () => {
    const register: DirectoryCommand = { type: 'RegisterPerson', data: { personId: 'li', name: '李四', roles: ['department_head'], departments: ['xugou-primary'] }, metadata: meta(T0) };
    given([]).when(register).then([registered]);
    given([registered]).when(register).thenFails({ code: 'already_exists', id: 'li' });
    given([registered, revoked]).when(register).thenFails({ code: 'already_exists' });
  });

  it('revokes a registered person; a second revocation records nothing; an unknown one is not found', () => {
    const revoke = (personId: string): DirectoryCommand => ({ type: 'RevokePerson', data: { personId, reason: 'left' }, metadata: meta(at(DAY)) });
    given([registered]).when(revoke('li')).then([revoked]);
    given([registered, revoked]).when(revoke('li')).then([]);
    given([]).when(revoke('li')).thenFails({ code: 'not_found' });
  });

  it('issues an invitation to a registered, unrevoked person, expiring after it is issued', () => {
    const issue = (personId: string, expiresAt = at(7 * DAY)): DirectoryCommand => ({ type: 'IssueInvitation', data: { personId, invitationId: 'inv-1', tokenSha256: 'aa'.repeat(32), expiresAt }, metadata: meta(T0) });
    given([registered]).when(issue('li')).then([invited]);
    given([]).when(issue('li')).thenFails({ code: 'not_found' });
    given([registered, revoked]).when(issue('li')).thenFails({ code: 'invalid_command' });
    given([registered]).when(issue('li', T0)).thenFails({ code: 'invalid_command' });
    given([registered, invited]).when(issue('li')).thenFails({ code: 'already_exists' });
  });

  it('an invitation works once and until it expires', () => {
    const used = directoryEvent('InvitationUsed', { personId: 'li', invitationId: 'inv-1', clientAddress: '10.0.0.7', at: at(DAY) }, system);
    given([registered, invited]).when(use(at(DAY))).then([used]);
    const after = given([registered, invited, used]);
    expect(after.state.people.li!.passwordSetAt).toBe(at(DAY));
    after.when(use(at(2 * DAY))).thenFails({ code: 'invitation_unusable', refusal: 'used' });
    given([registered, invited]).when(use(at(7 * DAY))).thenFails({ code: 'invitation_unusable', refusal: 'expired' });
    given([registered, invited, revoked]).when(use(at(2 * DAY))).thenFails({ code: 'invitation_unusable', refusal: 'revoked' });
    given([registered]).when(use(at(DAY))).thenFails({ code: 'not_found' });
  });

  it('records a password change (the fact, never the hash) for a person not revoked', () => {
    const change: DirectoryCommand = { type: 'RecordPasswordChange', data: { personId: 'li', clientAddress: '10.0.0.7' }, metadata: meta(at(2 * DAY), { userId: 'li', role: 'department_head' }) };
    given([registered]).when(change).then([directoryEvent('PasswordChanged', { personId: 'li', clientAddress: '10.0.0.7', at: at(2 * DAY) }, { userId: 'li', role: 'department_head' })]);
    given([registered, revoked]).when(change).thenFails({ code: 'invalid_command' });
    given([]).when(change).thenFails({ code: 'not_found' });
  });

  it('business time comes from the command, never from a clock: the same command decides the same facts', () => {
    const register: DirectoryCommand = { type: 'RegisterPerson', data: { personId: 'wang', name: '王五', roles: ['planner'], departments: [] }, metadata: meta('2022-03-01T08:00:00.000Z') };
    const first = directoryDecider.decide(register, directoryDecider.initialState());
    expect(first).toEqual(directoryDecider.decide(register, directoryDecider.initialState()));
    expect(first.ok && first.events[0]!.at).toBe('2022-03-01T08:00:00.000Z');
  });
});
