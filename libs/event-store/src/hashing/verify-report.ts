export interface BrokenLink {
  stream: string;
  revision: bigint;
  /** Hash recomputed from the stored content and the previous link. */
  expected: string;
  /** Hash found in the store. */
  found: string;
}

export interface VerifyReport {
  streamsChecked: number;
  eventsChecked: number;
  /** The first broken link of each damaged stream; empty when history is intact. */
  brokenLinks: BrokenLink[];
  /** sha256 over every stream's (name, last revision, head hash), sorted by name: write it down, compare later. */
  headsDigest: string;
}
