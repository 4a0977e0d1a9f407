import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit-commands';
import { registerPeopleCommands } from './commands/people.command';
import { registerPlansCommands } from './commands/plans.command';
import { registerProjectionsRebuildCommand } from './commands/projections-rebuild.command';
import { registerProjectionsParkedCommands } from './commands/projections-parked.command';
import { registerSimulateCommand } from './commands/simulate.command';
import { registerTokenCreateCommand } from './commands/token-create.command';
import { registerValidateCommand } from './commands/validate.command';
import { packageVersion } from './output/package-version';

// `planledger simulate … | head`: the reader has what it wanted; stop without a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Each command registers itself: adding one is one line here.
const commands: ((program: Command) => void)[] = [registerValidateCommand, registerSimulateCommand, registerProjectionsRebuildCommand, registerProjectionsParkedCommands, registerAuditCommands, registerTokenCreateCommand, registerPlansCommands, registerPeopleCommands];

const program = new Command('planledger').description('multi-year action plans: check definitions, simulate their timelines');
program.version(packageVersion(), '-V, --version', 'print the version');
program.showHelpAfterError();
for (const register of commands) register(program);
void program.parseAsync(process.argv);
