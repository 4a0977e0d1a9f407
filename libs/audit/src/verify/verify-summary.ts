import type { VerifyReport } from '@planledger/event-store';

/** The store's verify report in JSON-friendly form (revisions as numbers) for the route and the CLI. */
export interface VerifySummary {
  intact: boolean;
  headsDigest: string;
  streamsChecked: number;
  eventsChecked: number;
  brokenLinks: { stream: string; revision: number; expected: string; found: string }[];
}

export function summariseVerify(report: VerifyReport): VerifySummary {
  return {
    intact: report.brokenLinks.length === 0,
    headsDigest: report.headsDigest,
    streamsChecked: report.streamsChecked,
    eventsChecked: report.eventsChecked,
    brokenLinks: report.brokenLinks.map((link) => ({ stream: link.stream, revision: Number(link.revision), expected: link.expected, found: link.found })),
  };
}

/** What `planledger audit verify` prints: the digest to write down, then "no broken links" or each one. */
export function verifyLines(summary: VerifySummary): string[] {
  const lines = [`heads digest ${summary.headsDigest}`, `checked ${summary.eventsChecked} events in ${summary.streamsChecked} streams`];
  if (summary.intact) return [...lines, 'no broken links'];
  return [
    ...lines,
    ...summary.brokenLinks.map((link) => `broken link: stream ${link.stream} revision ${link.revision} (stored hash ${link.found}, recomputed ${link.expected})`),
    `${summary.brokenLinks.length} broken link${summary.brokenLinks.length === 1 ? '' : 's'}`,
  ];
}
