import { createServer } from 'node:net';

/** The api's port is taken: said in one line with the variable to change, never as a stack. */
export class PortInUseError extends Error {
  constructor(readonly port: number, readonly host: string) {
    super(`port ${port} on ${host} is already in use (another planledger or another program): set PORT to a free port, e.g. PORT=${port === 3000 ? 3001 : port + 1} npm start`);
  }
}

export const isAddressInUse = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';

/**
 * Binds and releases the port before the slow part of start-up (store, Redis, Nest), so that a
 * busy port is said at once. The real listen maps the same error, for the rare race in between.
 */
export function ensurePortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(isAddressInUse(error) ? new PortInUseError(port, host) : error));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
