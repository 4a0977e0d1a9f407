import type { EventStore, StoredEvent } from '@planledger/event-store';
import { contentPathOf, SHA256_HEX, sha256OfFile } from './content-store';

/** A file an event references whose content is not what the event recorded. */
export interface FileProblem {
  stream: string;
  revision: number;
  sha256: string;
  name: string;
  /** `missing`: no file under that hash; `damaged`: the content hashes to `found` instead. */
  problem: 'missing' | 'damaged';
  found?: string;
}

export interface FilesReport {
  /** Distinct files checked (a file several events reference is hashed once). */
  filesChecked: number;
  /** References to files, over all events. */
  referencesChecked: number;
  /** Every reference to a missing or damaged file, in store order. */
  problems: FileProblem[];
}

/**
 * The stored files an event's data references: `attachments[i]` with a sha256 (references to
 * documents kept elsewhere have none), and `documents[i]`, the files a BulletinIssued made (ADR 0017).
 */
export function filesOfEvent(event: Pick<StoredEvent, 'data'>): { sha256: string; name: string }[] {
  const data = event.data as { attachments?: unknown; documents?: unknown } | null;
  const listed = [data?.attachments, data?.documents].filter(Array.isArray).flat() as unknown[];
  return listed.flatMap((attachment: unknown) => {
    if (typeof attachment !== 'object' || attachment === null) return [];
    const { sha256, name } = attachment as { sha256?: unknown; name?: unknown };
    return typeof sha256 === 'string' ? [{ sha256, name: typeof name === 'string' ? name : '' }] : [];
  });
}

/**
 * Reads every event and checks each file it references: present under FILES_DIR, and its
 * content's SHA-256 the one the event (and so the hash chain) recorded.
 */
export async function verifyReferencedFiles(store: EventStore, filesDir: string): Promise<FilesReport> {
  const outcome = new Map<string, { found: string | undefined }>();
  const problems: FileProblem[] = [];
  let referencesChecked = 0;
  for await (const event of store.readAll()) {
    for (const file of filesOfEvent(event)) {
      referencesChecked++;
      let checked = outcome.get(file.sha256);
      if (!checked) {
        checked = { found: SHA256_HEX.test(file.sha256) ? await sha256OfFile(contentPathOf(filesDir, file.sha256)) : undefined };
        outcome.set(file.sha256, checked);
      }
      if (checked.found === file.sha256) continue;
      problems.push({
        stream: event.stream, revision: Number(event.revision), sha256: file.sha256, name: file.name,
        problem: checked.found === undefined ? 'missing' : 'damaged', ...(checked.found !== undefined && { found: checked.found }),
      });
    }
  }
  return { filesChecked: outcome.size, referencesChecked, problems };
}
