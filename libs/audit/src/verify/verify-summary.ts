import type { VerifyReport } from '@planledger/event-store';
import type { FileProblem, FilesReport } from '../files/verify-files';

/** The store's verify report in JSON-friendly form (revisions as numbers) for the route and the CLI. */
export interface VerifySummary {
  /** No broken link and no missing or damaged file. */
  intact: boolean;
  headsDigest: string;
  streamsChecked: number;
  eventsChecked: number;
  brokenLinks: { stream: string; revision: number; expected: string; found: string }[];
  /** Distinct uploaded files the events reference, each hashed again. */
  filesChecked: number;
  /** Each reference to a file that is missing, or whose content no longer has the recorded SHA-256. */
  damagedFiles: FileProblem[];
}

export function summariseVerify(report: VerifyReport, files: FilesReport = { filesChecked: 0, referencesChecked: 0, problems: [] }): VerifySummary {
  return {
    intact: report.brokenLinks.length === 0 && files.problems.length === 0,
    headsDigest: report.headsDigest,
    streamsChecked: report.streamsChecked,
    eventsChecked: report.eventsChecked,
    brokenLinks: report.brokenLinks.map((link) => ({ stream: link.stream, revision: Number(link.revision), expected: link.expected, found: link.found })),
    filesChecked: files.filesChecked,
    damagedFiles: files.problems,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What `planledger audit verify` prints: the digest to write down, then "no broken links" or each one, then the files. */
export function verifyLines(summary: VerifySummary): string[] {
  const lines = [`heads digest ${summary.headsDigest}`, `checked ${summary.eventsChecked} events in ${summary.streamsChecked} streams, ${plural(summary.filesChecked, 'file')}`];
  if (summary.brokenLinks.length === 0) lines.push('no broken links');
  else {
    lines.push(...summary.brokenLinks.map((link) => `broken link: stream ${link.stream} revision ${link.revision} (stored hash ${link.found}, recomputed ${link.expected})`));
    lines.push(plural(summary.brokenLinks.length, 'broken link'));
  }
  if (summary.damagedFiles.length === 0) lines.push('no missing or damaged files');
  else {
    lines.push(...summary.damagedFiles.map((file) => file.problem === 'missing'
      ? `missing file: stream ${file.stream} revision ${file.revision} sha256 ${file.sha256} "${file.name}"`
      : `damaged file: stream ${file.stream} revision ${file.revision} sha256 ${file.sha256} "${file.name}" (its content now hashes to ${file.found})`));
    lines.push(plural(summary.damagedFiles.length, 'missing or damaged file reference'));
  }
  return lines;
}
