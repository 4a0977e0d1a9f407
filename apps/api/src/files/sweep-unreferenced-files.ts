import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { contentPathOf, filesOfEvent } from '@planledger/audit';
import { streamOf } from '@planledger/domain';
import type { EventStorage } from '@planledger/event-store';

export interface SweepOptions {
  /** Uploads recorded before this instant and still referenced by no event are removed. */
  uploadedBefore: Date;
  /** Partial uploads (FILES_DIR/tmp) last written before this instant are left-overs of interrupted requests. */
  partialBefore: Date;
  dryRun: boolean;
}

export interface SweptUpload {
  planId: string;
  assignmentId: string;
  sha256: string;
  name: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface SweepReport {
  dryRun: boolean;
  uploadedBefore: string;
  /** Upload records no submission or progress report references. */
  uploads: SweptUpload[];
  /** Contents no remaining upload record holds: deleted from the content store (or would be). */
  contents: string[];
  bytesFreed: number;
  partialUploads: number;
}

interface Row {
  plan_id: string;
  assignment_id: string;
  sha256: string;
  name: string;
  size: string | number;
  uploaded_by: string;
  uploaded_at: string | Date;
}

const missingIsFine = (error: NodeJS.ErrnoException): void => {
  if (error.code !== 'ENOENT') throw error;
};

/**
 * Removes what was uploaded but never handed in: an upload alone is not part of the record
 * (docs/decisions/0010-files.md), an event referencing it is. A file referenced by any event of
 * its assignment is never touched, nor a content another upload record still holds. The grace
 * period (days, not minutes) is what keeps a submission that is being written from losing its
 * file between the check and the delete.
 */
export async function sweepUnreferencedFiles(storage: EventStorage, filesDir: string, options: SweepOptions): Promise<SweepReport> {
  const rows = await storage.database.query<Row>(
    'select plan_id, assignment_id, sha256, name, size, uploaded_by, uploaded_at from assignment_files where uploaded_at < $1 order by plan_id, assignment_id, uploaded_at',
    [options.uploadedBefore.toISOString()],
  );
  const byAssignment = new Map<string, Row[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.plan_id, row.assignment_id]);
    byAssignment.set(key, [...(byAssignment.get(key) ?? []), row]);
  }
  const unreferenced: Row[] = [];
  for (const held of byAssignment.values()) {
    const { plan_id: planId, assignment_id: assignmentId } = held[0]!;
    const referenced = new Set<string>();
    for await (const event of storage.store.readStream(streamOf({ aggregate: 'assignment', planId, assignmentId }))) {
      for (const file of filesOfEvent(event)) referenced.add(file.sha256);
    }
    unreferenced.push(...held.filter((row) => !referenced.has(row.sha256)));
  }

  const contents = new Set<string>();
  for (const row of unreferenced) {
    if (!options.dryRun) {
      await storage.database.query('delete from assignment_files where plan_id = $1 and assignment_id = $2 and sha256 = $3', [row.plan_id, row.assignment_id, row.sha256]);
    }
    contents.add(row.sha256);
  }
  const freed: string[] = [];
  let bytesFreed = 0;
  const leaving = new Set(unreferenced.map((row) => JSON.stringify([row.plan_id, row.assignment_id, row.sha256])));
  for (const sha256 of contents) {
    const holders = await storage.database.query<{ plan_id: string; assignment_id: string }>('select plan_id, assignment_id from assignment_files where sha256 = $1', [sha256]);
    if (holders.some((holder) => !leaving.has(JSON.stringify([holder.plan_id, holder.assignment_id, sha256])))) continue;
    const path = contentPathOf(filesDir, sha256);
    const size = await stat(path).then((found) => found.size, (error: NodeJS.ErrnoException) => (missingIsFine(error), 0));
    if (!options.dryRun) await unlink(path).catch(missingIsFine);
    freed.push(sha256);
    bytesFreed += size;
  }

  let partialUploads = 0;
  const tmp = join(filesDir, 'tmp');
  const partials = await readdir(tmp).catch((error: NodeJS.ErrnoException) => (missingIsFine(error), [] as string[]));
  for (const name of partials) {
    const path = join(tmp, name);
    const found = await stat(path).catch(() => undefined);
    if (!found?.isFile() || found.mtime >= options.partialBefore) continue;
    if (!options.dryRun) await unlink(path).catch(missingIsFine);
    partialUploads += 1;
  }

  return {
    dryRun: options.dryRun,
    uploadedBefore: options.uploadedBefore.toISOString(),
    uploads: unreferenced.map((row) => ({
      planId: row.plan_id, assignmentId: row.assignment_id, sha256: row.sha256, name: row.name, size: Number(row.size),
      uploadedBy: row.uploaded_by, uploadedAt: new Date(row.uploaded_at).toISOString(),
    })),
    contents: freed,
    bytesFreed,
    partialUploads,
  };
}
