import { extname, join } from 'node:path';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { PlanUpload, PreparedPlan } from '@planledger/engine';
import { HOLIDAY_FILE } from '@planledger/runtime';
import { Piscina } from 'piscina';
import type { CommandRejection } from '../../commands/command-result';
import type { PreviewedPlan } from './previewed-plan';

/** A plan that takes longer than this to check and compile is refused (a real county's takes well under a second). */
export const PREPARE_TIMEOUT_MS = 60_000;
/** Heap of the preparing thread: a plan within the parse limits needs a fraction of it. */
const WORKER_HEAP_MB = 1024;

/** The pool declined the plan before its problems were known: the refusal to answer with. */
export interface PreparationRefused {
  ok: false;
  refused: CommandRejection;
}

/**
 * Plans are parsed, checked and compiled in a worker thread, never on the event loop: while one
 * is prepared, /health, other requests and timers go on. One thread, a short queue: uploads are
 * rare, and a flood of them gets 503 rather than a growing backlog. A task over its time or heap
 * is ended with its thread.
 */
@Injectable()
export class PlanPreparationPool implements OnModuleDestroy {
  private readonly pool = new Piscina<PlanUpload, PreparedPlan | PreviewedPlan>({
    ...taskFile('prepare-plan'),
    minThreads: 0,
    maxThreads: 1,
    maxQueue: 8,
    idleTimeout: 300_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });

  private preparing = 0;

  /** Every plan is compiled with the deployer's holiday days (PLANLEDGER_HOLIDAYS_FILE), like `planledger validate` and `simulate`. */
  constructor(@Inject(HOLIDAY_FILE) private readonly holidayFile: NonNullable<PlanUpload['holidayFile']> = { days: [] }) {}

  /** The prepared plan, its problems, or why it was not prepared (too many waiting, too slow, too large). */
  prepare(upload: PlanUpload): Promise<PreparedPlan | PreparationRefused> {
    return this.run(upload) as Promise<PreparedPlan | PreparationRefused>;
  }

  /** Checks and compiles the plan, then simulates all of it (the import preview): stores nothing. */
  preview(upload: PlanUpload): Promise<PreviewedPlan | PreparationRefused> {
    return this.run(upload, taskFile('preview-plan').filename) as Promise<PreviewedPlan | PreparationRefused>;
  }

  private async run(upload: PlanUpload, filename?: string): Promise<PreparedPlan | PreviewedPlan | PreparationRefused> {
    this.preparing++;
    try {
      return await this.pool.run({ ...upload, holidayFile: this.holidayFile }, { signal: AbortSignal.timeout(PREPARE_TIMEOUT_MS), ...(filename && { filename }) });
    } catch (error) {
      const rejection = refusal(error as Error & { code?: string; name?: string });
      if (rejection) return { ok: false, refused: rejection };
      throw error;
    } finally {
      this.preparing--;
    }
  }

  /** Plans being prepared or waiting for the thread. */
  get inFlight(): number {
    return this.preparing;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}

function refusal(error: Error & { code?: string }): CommandRejection | undefined {
  if (error.message === 'Task queue is at limit') {
    return { kind: 'unavailable', message: 'too many plans are being checked at once; send it again in a minute' };
  }
  if (error.name === 'AbortError' || error.name === 'TimeoutError') {
    return { kind: 'too_large', message: `checking, compiling (and, for a preview, simulating) this plan took longer than ${PREPARE_TIMEOUT_MS / 1000} s: it is too large` };
  }
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return { kind: 'too_large', message: `checking and compiling this plan needs more than ${WORKER_HEAP_MB} MB: it is too large` };
  }
  return undefined;
}

/**
 * From dist/ the task is plain JavaScript; run from the TypeScript sources (tests, `node -r
 * scripts/register.cjs`), the thread compiles it on load the same way.
 */
function taskFile(task: 'prepare-plan' | 'preview-plan'): { filename: string; execArgv?: string[] } {
  const extension = extname(__filename);
  const filename = join(__dirname, `${task}.task${extension}`);
  if (extension !== '.ts') return { filename };
  return { filename, execArgv: ['-r', join(__dirname, '../../../../../scripts/register.cjs')] };
}
