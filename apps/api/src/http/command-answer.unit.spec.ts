import type { PlanError } from '@planledger/plan-definition';
import { accepted, rejected, type CommandRejection } from '../commands/command-result';
import type { ApiError } from './api-errors';
import { answerOf, apiErrorOf } from './command-answer';

const answer = (rejection: CommandRejection, fieldPath?: (field: string) => string) => {
  const error: ApiError = apiErrorOf(rejection, fieldPath);
  return { status: error.getStatus(), body: JSON.parse(JSON.stringify(error.body)) as unknown };
};

describe('a command rejection answered over HTTP', () => {
  it('refused: 409 invalid_transition, offering only the commands a person has a route for', () => {
    expect(answer({ kind: 'refused', status: 'submitted', command: 'SubmitAssignment', allowed: ['AcceptAssignment', 'ReturnAssignment', 'CancelAssignment'], message: 'no' })).toEqual({
      status: 409, body: { error: 'invalid_transition', status: 'submitted', command: 'SubmitAssignment', allowed: ['accept', 'return'], message: 'no' },
    });
  });

  it('refused without a command (the import of a published plan): no command key in the body', () => {
    expect(answer({ kind: 'refused', status: 'published', allowed: ['AmendPlan', 'ClosePlan'], message: 'amend it' })).toEqual({
      status: 409, body: { error: 'invalid_transition', status: 'published', allowed: ['amend', 'close'], message: 'amend it' },
    });
  });

  it('not_found: 404', () => {
    expect(answer({ kind: 'not_found', message: 'plan p does not exist' })).toEqual({ status: 404, body: { error: 'not_found', message: 'plan p does not exist' } });
  });

  it('conflict: 409 under its own code, its details beside the message', () => {
    expect(answer({ kind: 'conflict', code: 'past_due_confirmation_required', details: { pastDue: 3, firstDueAt: '2022-03-05T00:00:00.000Z' }, message: 'confirm' })).toEqual({
      status: 409, body: { error: 'past_due_confirmation_required', pastDue: 3, firstDueAt: '2022-03-05T00:00:00.000Z', message: 'confirm' },
    });
    expect(answer({ kind: 'conflict', code: 'idempotency_key_reused', message: 'send a new key' })).toEqual({ status: 409, body: { error: 'idempotency_key_reused', message: 'send a new key' } });
  });

  it('invalid: 400 invalid_request, each field at the request path the route says, a problem without a field at the body', () => {
    const rejection: CommandRejection = { kind: 'invalid', problems: [{ field: 'attachments[0].sha256', message: 'upload it first' }, { message: 'makes no sense' }] };
    expect(answer(rejection)).toEqual({
      status: 400, body: { error: 'invalid_request', problems: [{ path: 'body.attachments[0].sha256', message: 'upload it first' }, { path: 'body', message: 'makes no sense' }] },
    });
    expect(answer({ kind: 'invalid', problems: [{ field: 'rebase', message: 'too late' }] }, (field) => (field === 'rebase' ? 'query.rebase' : 'body'))).toEqual({
      status: 400, body: { error: 'invalid_request', problems: [{ path: 'query.rebase', message: 'too late' }] },
    });
  });

  it('invalid_plan: 400 with each problem located as `planledger validate` prints it', () => {
    const error: PlanError = { file: 'plan.yaml', line: 3, column: 5, path: 'phases[0].name', code: 'missing-key', message: 'missing' };
    expect(answer({ kind: 'invalid_plan', errors: [error], unlisted: 2 })).toEqual({
      status: 400,
      body: { error: 'invalid_plan', unlisted: 2, problems: [{ ...error, text: 'plan.yaml:3:5  phases[0].name  missing' }] },
    });
  });

  it('too_large: 413 payload_too_large; unavailable: 503', () => {
    expect(answer({ kind: 'too_large', message: 'too slow' })).toEqual({ status: 413, body: { error: 'payload_too_large', message: 'too slow' } });
    expect(answer({ kind: 'unavailable', message: 'busy' })).toEqual({ status: 503, body: { error: 'unavailable', message: 'busy' } });
  });

  it('an accepted result answers with its value; a rejected one throws its api error for the exception filter', async () => {
    await expect(answerOf(Promise.resolve(accepted({ planId: 'p' })))).resolves.toEqual({ planId: 'p' });
    await expect(answerOf(Promise.resolve(rejected({ kind: 'not_found', message: 'gone' })))).rejects.toMatchObject({ body: { error: 'not_found', message: 'gone' } });
  });
});
