import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../errors';
import type { SqlExecutor, SqlQueryable } from '../sql/sql-executor';

interface WorkerReply {
  id: number;
  result?: unknown;
  error?: { message: string; code?: string; detail?: string; constraint?: string };
}

/** A database error re-created on this side of the thread boundary, keeping code/detail/constraint. */
export class PgliteWorkerError extends Error {
  readonly code?: string;
  readonly detail?: string;
  readonly constraint?: string;
  constructor(reply: NonNullable<WorkerReply['error']>) {
    super(reply.message);
    this.code = reply.code;
    this.detail = reply.detail;
    this.constraint = reply.constraint;
  }
}

/**
 * PGlite in a worker thread. PGlite loads Node built-ins with dynamic import(), which jest's VM
 * refuses (it would need --experimental-vm-modules); a worker is a plain Node environment, so the
 * same code runs under jest, the CLI and benchmarks. Transactions are BEGIN/COMMIT on PGlite's
 * single connection, with other queries held back until they end.
 */
export class PgliteWorkerExecutor implements SqlExecutor {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  private transactionRunning: Promise<void> = Promise.resolve();
  /** Set once the thread has died or been closed: every later call fails at once instead of waiting forever. */
  private stopped: StoreUnavailableError | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error) waiting.reject(new PgliteWorkerError(reply.error));
      else waiting.resolve(reply.result);
    });
    // The thread's own failure (an uncaught error, an abort in PGlite's WebAssembly) ends only the
    // thread: the process lives on, and every call waiting or to come fails as unavailable.
    worker.on('error', (error) => this.stop(new StoreUnavailableError(`PGlite worker stopped: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.stop(new StoreUnavailableError(`PGlite worker exited with code ${code}`)));
  }

  static async open(options: { dataDir?: string; loadDataDir?: ArrayBuffer }): Promise<PgliteWorkerExecutor> {
    const executor = new PgliteWorkerExecutor(new Worker(join(__dirname, 'pglite-worker.js')));
    try {
      await executor.call('open', options);
    } catch (error) {
      await executor.worker.terminate();
      throw error;
    }
    return executor;
  }

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    await this.transactionRunning;
    return this.send<Row>(text, params);
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const previous = this.transactionRunning;
    let finished!: () => void;
    this.transactionRunning = new Promise<void>((resolve) => (finished = resolve));
    await previous;
    try {
      await this.send('begin', []);
      const result = await work({ query: <Row>(text: string, params: readonly unknown[] = []) => this.send<Row>(text, params) });
      await this.send('commit', []);
      return result;
    } catch (error) {
      await this.send('rollback', []).catch(() => undefined);
      throw error;
    } finally {
      finished();
    }
  }

  /** A tarball of the whole database, for cloning (tests). */
  async dumpDataDir(): Promise<ArrayBuffer> {
    await this.transactionRunning;
    return (await this.call('dump', {})) as ArrayBuffer;
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.call('close', {});
    } finally {
      this.stop(new StoreUnavailableError('PGlite worker stopped: the store was closed'));
      await this.worker.terminate();
    }
  }

  private async send<Row>(text: string, params: readonly unknown[]): Promise<Row[]> {
    // Parameterless statements may hold several commands (migrations): exec runs them all.
    const rows = params.length === 0 ? await this.call('exec', { text }) : await this.call('query', { text, params });
    return rows as Row[];
  }

  private call(op: string, args: unknown): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ id, op, args });
      } catch (error) {
        // Arguments the structured clone cannot carry: this call fails, the thread is fine.
        this.pending.delete(id);
        reject(error);
      }
    });
  }

  private stop(error: StoreUnavailableError): void {
    this.stopped ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
