import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { addServiceOptions, callService, ServiceCallError, type ServiceFlags } from './service-client';

export interface PeopleIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** An admin's token: --token, PLANLEDGER_TOKEN, else the embedded default's DATA_DIR/admin-token. */
function adminToken(flags: ServiceFlags, env: NodeJS.ProcessEnv): string | undefined {
  if (flags.token ?? env.PLANLEDGER_TOKEN) return flags.token ?? env.PLANLEDGER_TOKEN;
  try {
    return readFileSync(join(env.DATA_DIR || './data', 'admin-token'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

export function registerPeopleCommands(program: Command): void {
  const people = program.command('people').description('people of the running service');
  addServiceOptions(
    people
      .command('invite <id>')
      .description('print a new one-time invitation link (7 days) with which the person sets a password; as an admin (--token, PLANLEDGER_TOKEN, else DATA_DIR/admin-token)'),
  ).action(async (id: string, flags: ServiceFlags) => {
    process.exitCode = await invite(id, flags, { env: process.env, stdout: process.stdout, stderr: process.stderr });
  });
}

/** Exit 0 with the link alone on stdout (so that LINK=$(npx planledger people invite ID) works); 1 otherwise. */
export async function invite(id: string, flags: ServiceFlags, { env, stdout, stderr }: PeopleIo): Promise<number> {
  const token = adminToken(flags, env);
  if (!token) {
    stderr.write(`people invite: no admin token: pass --token, set PLANLEDGER_TOKEN, or run where DATA_DIR/admin-token is (DATA_DIR=${env.DATA_DIR || './data'})\n`);
    return 1;
  }
  try {
    const answer = (await callService({ ...flags, token }, 'POST', `/admin/people/${encodeURIComponent(id)}/invitations`)) as { invitationUrl: string; expiresAt: string };
    stdout.write(`${answer.invitationUrl}\n`);
    stderr.write(`people invite: valid once, until ${answer.expiresAt}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ServiceCallError)) throw error;
    stderr.write(`people invite: ${error.message}\n`);
    return 1;
  }
}
