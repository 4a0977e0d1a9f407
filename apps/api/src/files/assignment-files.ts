import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { contentPathOf, filesDirOf, sha256OfFile } from '@planledger/audit';
import type { Actor } from '@planledger/domain';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE, SERVICE_CONFIG } from '@planledger/runtime';
import type { AssignmentAddress } from '../assignments/assignment-locator';
import { migrateFileTables } from './file-tables';
import type { UploadedFile } from './file-schemas';

/** A file received into FILES_DIR/tmp, hashed on the way, not yet in the content store. */
export interface ReceivedFile extends UploadedFile {
  tempPath: string;
}

export interface FileRecord extends UploadedFile {
  uploadedBy: string;
  uploadedAt: string;
}

interface FileRow {
  sha256: string;
  name: string;
  size: string | number;
  media_type: string;
  uploaded_by: string;
  uploaded_at: string | Date;
}

const toRecord = (row: FileRow): FileRecord => ({
  sha256: row.sha256, name: row.name, size: Number(row.size), mediaType: row.media_type,
  uploadedBy: row.uploaded_by, uploadedAt: new Date(row.uploaded_at).toISOString(),
});

/** fsync of a folder, so that a rename into it survives a power cut (where the platform allows). */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on a directory (EINVAL); the rename is still atomic.
  } finally {
    await handle.close();
  }
}

/**
 * The content store (FILES_DIR, else DATA_DIR/files; `ab/cdef…` by SHA-256) and the record of
 * which files were uploaded for which assignment (table assignment_files).
 */
@Injectable()
export class AssignmentFiles implements OnModuleInit {
  readonly dir: string;

  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(SERVICE_CONFIG) config: { DATA_DIR?: string; FILES_DIR?: string },
  ) {
    this.dir = filesDirOf(config);
  }

  async onModuleInit(): Promise<void> {
    await migrateFileTables(this.storage.database);
  }

  /** A new temporary path on the content store's filesystem (so that the final rename is atomic). */
  async tempPath(): Promise<string> {
    const tmp = join(this.dir, 'tmp');
    await mkdir(tmp, { recursive: true });
    return join(tmp, `${randomUUID()}.part`);
  }

  /**
   * Moves a received (already fsync'd) file to its content address. The same content stored
   * before is kept and the new copy dropped; a stored copy that no longer hashes right (damaged)
   * is replaced by the new one, which does.
   */
  async keep(file: ReceivedFile): Promise<void> {
    const target = contentPathOf(this.dir, file.sha256);
    if ((await sha256OfFile(target)) === file.sha256) {
      await unlink(file.tempPath);
      return;
    }
    await mkdir(dirname(target), { recursive: true });
    await rename(file.tempPath, target);
    await syncDirectory(dirname(target));
  }

  async discard(files: readonly { tempPath: string }[]): Promise<void> {
    await Promise.all(files.map((file) => unlink(file.tempPath).catch(() => undefined)));
  }

  /** Records the uploads for the assignment; a file uploaded for it before keeps its first record. */
  async record(address: AssignmentAddress, files: readonly UploadedFile[], actor: Actor, at: Date): Promise<void> {
    for (const file of files) {
      await this.storage.database.query(
        `insert into assignment_files (plan_id, assignment_id, sha256, name, size, media_type, uploaded_by, uploaded_by_role, uploaded_by_department, uploaded_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (plan_id, assignment_id, sha256) do nothing`,
        [address.planId, address.assignmentId, file.sha256, file.name, file.size, file.mediaType, actor.userId, actor.role, actor.departmentId ?? null, at.toISOString()],
      );
    }
  }

  /** The records of these files for the assignment, by sha256 (files not uploaded for it are absent). */
  async uploaded(address: AssignmentAddress, sha256s: readonly string[]): Promise<Map<string, FileRecord>> {
    if (sha256s.length === 0) return new Map();
    const rows = await this.storage.database.query<FileRow>(
      'select sha256, name, size, media_type, uploaded_by, uploaded_at from assignment_files where plan_id = $1 and assignment_id = $2 and sha256 = any($3::text[])',
      [address.planId, address.assignmentId, [...new Set(sha256s)]],
    );
    return new Map(rows.map((row) => [row.sha256, toRecord(row)]));
  }

  /** The stored content, or undefined when it is missing; its size as stored. */
  async openContent(sha256: string): Promise<{ stream: ReadStream; size: number } | undefined> {
    const path = contentPathOf(this.dir, sha256);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
