/** Collects lines and writes them in large chunks: a three-year timeline has tens of thousands. */
export class BufferedWriter {
  private chunk: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void, private readonly flushAt = 1 << 16) {}

  line(text: string): void {
    this.chunk.push(text);
    this.size += text.length + 1;
    if (this.size >= this.flushAt) this.flush();
  }

  flush(): void {
    if (this.chunk.length === 0) return;
    this.write(this.chunk.join('\n') + '\n');
    this.chunk = [];
    this.size = 0;
  }
}
