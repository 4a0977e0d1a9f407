import { Command } from 'commander';
import { packageVersion } from './output/package-version';

// `planledger simulate … | head`: the reader has what it wanted; stop without a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

type Register = (program: Command) => void;

/**
 * Each command registers itself, under its top-level name: adding one is one line here. A
 * command's module is loaded only when that command runs (or for help): `simulate` must not pay
 * for PostgreSQL, KurrentDB, gRPC and the signing keys the service commands load.
 */
const commands: { name: string; load: () => Promise<Register> }[] = [
  { name: 'validate', load: async () => (await import('./commands/validate.command')).registerValidateCommand },
  { name: 'simulate', load: async () => (await import('./commands/simulate.command')).registerSimulateCommand },
  { name: 'projections', load: async () => (await import('./commands/projections-rebuild.command')).registerProjectionsRebuildCommand },
  { name: 'projections', load: async () => (await import('./commands/projections-parked.command')).registerProjectionsParkedCommands },
  { name: 'audit', load: async () => (await import('./commands/audit-commands')).registerAuditCommands },
  { name: 'token', load: async () => (await import('./commands/token-create.command')).registerTokenCreateCommand },
  { name: 'plans', load: async () => (await import('./commands/plans.command')).registerPlansCommands },
  { name: 'people', load: async () => (await import('./commands/people.command')).registerPeopleCommands },
  { name: 'phase', load: async () => (await import('./commands/phase.command')).registerPhaseCommands },
  { name: 'bulletin', load: async () => (await import('./commands/bulletin.command')).registerBulletinCommand },
  { name: 'roster', load: async () => (await import('./commands/roster.command')).registerRosterCommand },
  { name: 'inspection', load: async () => (await import('./commands/inspection.command')).registerInspectionCommand },
  { name: 'finding', load: async () => (await import('./commands/inspection.command')).registerFindingCommands },
  { name: 'assessment', load: async () => (await import('./commands/assessment.command')).registerAssessmentCommand },
];

async function main(argv: string[]): Promise<void> {
  const program = new Command('planledger').description('multi-year action plans: check definitions, simulate their timelines');
  program.version(packageVersion(), '-V, --version', 'print the version');
  program.showHelpAfterError();
  // The first word names the command; anything else (help, a typo, an option) needs them all.
  const named = commands.filter((command) => command.name === argv[2]);
  for (const { load } of named.length > 0 ? named : commands) (await load())(program);
  await program.parseAsync(argv);
}

void main(process.argv);
