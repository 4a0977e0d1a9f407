import { AUDIT_RECORD_VIEWED, filesDirOf, recordAuditAccess, summariseVerify, verifyLines, verifyReferencedFiles } from '@planledger/audit';
import { cliActor } from './audit-cli-actor';
import { openAuditStorage, type AuditIo } from './audit-storage';

/**
 * `planledger audit verify`: walks every stream's hash chain, then hashes again every uploaded
 * file an event references (under FILES_DIR, else DATA_DIR/files). Exit 0 with the heads digest,
 * "no broken links" and "no missing or damaged files"; exit 1 listing each broken link by stream
 * and revision and each missing or damaged file by stream, revision, sha256 and name (or when the
 * store cannot be opened).
 */
export async function auditVerify({ env, stdout, stderr }: AuditIo): Promise<number> {
  const opened = await openAuditStorage(env);
  if (!opened.ok) {
    stderr.write(`audit verify: ${opened.message}\n`);
    return 1;
  }
  const { storage } = opened;
  try {
    const summary = summariseVerify(await storage.store.verify(), await verifyReferencedFiles(storage.store, filesDirOf(env)));
    for (const line of verifyLines(summary)) stdout.write(`${line}\n`);
    // Recorded after the walk, so the digest printed is the one of the history that was checked.
    await recordAuditAccess(storage.store, {
      type: AUDIT_RECORD_VIEWED,
      actor: cliActor(env),
      subject: { route: 'planledger audit verify', headsDigest: summary.headsDigest, brokenLinks: summary.brokenLinks.length, damagedFiles: summary.damagedFiles.length },
      businessTime: new Date(),
    });
    return summary.intact ? 0 : 1;
  } catch (error) {
    stderr.write(`audit verify failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await storage.close();
  }
}
