/**
 * In-process nudge: "events were just appended". The projection runner polls anyway (other
 * processes append too); this only spares a command's reader the polling interval.
 */
export class AppendSignal {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
