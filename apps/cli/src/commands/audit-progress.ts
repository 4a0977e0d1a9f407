/** The few lines of cli-progress used here (the package ships no types). */
export interface ProgressBar {
  start(total: number, value: number, payload?: Record<string, unknown>): void;
  setTotal(total: number): void;
  update(value: number, payload?: Record<string, unknown>): void;
  stop(): void;
}
interface CliProgress {
  SingleBar: new (options: Record<string, unknown>, preset: unknown) => ProgressBar;
  Presets: { shades_classic: unknown };
}

/**
 * A bar on stderr for long exports, only on a terminal: piped or redirected output (and tests)
 * stays clean. One bar, its label naming the step (reading streams, writing rows).
 */
export function exportProgress(stderr: NodeJS.WritableStream & { isTTY?: boolean }): ((step: string, done: number, total: number) => void) & { stop(): void } {
  let bar: ProgressBar | undefined;
  let current = '';
  const report = (step: string, done: number, total: number) => {
    if (!stderr.isTTY) return;
    if (!bar) {
      // Loaded only on a terminal, so piped runs never pay for it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cliProgress = require('cli-progress') as CliProgress;
      bar = new cliProgress.SingleBar({ stream: stderr, format: '{step} [{bar}] {percentage}% | {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
    }
    if (step !== current) {
      if (current) bar.stop();
      bar.start(total, done, { step });
      current = step;
    }
    bar.setTotal(total);
    bar.update(done, { step });
  };
  return Object.assign(report, { stop: () => bar?.stop() });
}
