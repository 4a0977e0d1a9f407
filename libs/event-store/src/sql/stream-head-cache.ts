import type { StreamHead } from './append-statement';

/**
 * Stream heads this process has written or read. History is append-only, so "event r of stream s
 * has hash h" stays true forever; an entry can only be *behind* the real head, never wrong.
 * Appending after a behind entry fails on the primary key and is then diagnosed: no harm done.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(stream: string): StreamHead | undefined {
    return this.heads.get(stream);
  }

  remember(stream: string, head: StreamHead): void {
    const known = this.heads.get(stream);
    if (known && known.revision >= head.revision) return;
    this.heads.delete(stream);
    this.heads.set(stream, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }

  forget(stream: string): void {
    this.heads.delete(stream);
  }
}
