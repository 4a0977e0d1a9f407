/**
 * Group commit for one kind of query: while one round trip is on its way, the requests that arrive
 * meanwhile wait and go together in the next one. `run` answers a batch with one result per
 * request, in order; each caller's promise settles with its own result (or the batch's error).
 * Under load this turns one round trip per request into one per batch; alone, a request goes at once.
 */
export class GroupedQueries<Request, Result> {
  private pending: { request: Request; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  constructor(private readonly run: (requests: Request[]) => Promise<Result[]>) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          const results = await this.run(batch.map((entry) => entry.request));
          batch.forEach((entry, index) => entry.resolve(results[index]));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
