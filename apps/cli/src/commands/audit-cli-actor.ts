import { userInfo } from 'node:os';
import type { Actor } from '@planledger/domain';

/**
 * Who ran an audit command, for the audit trail. The CLI reads the database directly (it holds
 * the credentials the service holds), so the record names the operating-system account, or
 * PLANLEDGER_ACTOR when the operator sets one (a person's id in the bureau's directory).
 */
export function cliActor(env: NodeJS.ProcessEnv, role: Actor['role'] = 'auditor'): Actor {
  let account = 'unknown';
  try {
    account = userInfo().username;
  } catch {
    // No passwd entry (some containers): the record still says it came from the CLI.
  }
  return { userId: env.PLANLEDGER_ACTOR || `cli:${account}`, role };
}
