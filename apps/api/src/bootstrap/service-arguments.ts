import type { ServiceRoles } from '@planledger/runtime';

export interface ServiceArguments {
  roles: ServiceRoles;
  virtualClock: boolean;
  demo: boolean;
}

export class ArgumentError extends Error {}

const USAGE = 'usage: planledger-service [--roles api,worker,projections] [--virtual-clock] [--demo]';

/** `npm start` runs every role in one process; several processes may each take some. */
export function parseServiceArguments(argv: readonly string[]): ServiceArguments {
  const result: ServiceArguments = { roles: { api: true, worker: true, projections: true }, virtualClock: false, demo: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--virtual-clock') result.virtualClock = true;
    else if (arg === '--demo') result.demo = result.virtualClock = true;
    else if (arg === '--roles' || arg.startsWith('--roles=')) {
      const value = arg.includes('=') ? arg.slice('--roles='.length) : argv[++i];
      const names = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((n) => !['api', 'worker', 'projections'].includes(n));
      if (names.length === 0 || unknown.length > 0) throw new ArgumentError(`--roles: expected a comma-separated list of api, worker, projections; got "${value ?? ''}"\n${USAGE}`);
      result.roles = { api: names.includes('api'), worker: names.includes('worker'), projections: names.includes('projections') };
    } else if (arg === '--help' || arg === '-h') throw new ArgumentError(USAGE);
    else throw new ArgumentError(`unknown argument "${arg}"\n${USAGE}`);
  }
  return result;
}
