import { AUDIT_RECORD_VIEWED, recordAuditAccess, summariseVerify, verifyLines } from '@planledger/audit';
import { cliActor } from './audit-cli-actor';
import { openAuditStorage, type AuditIo } from './audit-storage';

/**
 * `planledger audit verify`: walks every stream's hash chain. Exit 0 with the heads digest and
 * "no broken links"; exit 1 listing each broken link by stream and revision (or when the store
 * cannot be opened).
 */
export async function auditVerify({ env, stdout, stderr }: AuditIo): Promise<number> {
  const opened = await openAuditStorage(env);
  if (!opened.ok) {
    stderr.write(`audit verify: ${opened.message}\n`);
    return 1;
  }
  const { storage } = opened;
  try {
    const summary = summariseVerify(await storage.store.verify());
    for (const line of verifyLines(summary)) stdout.write(`${line}\n`);
    // Recorded after the walk, so the digest printed is the one of the history that was checked.
    await recordAuditAccess(storage.store, {
      type: AUDIT_RECORD_VIEWED,
      actor: cliActor(env),
      subject: { route: 'planledger audit verify', headsDigest: summary.headsDigest, brokenLinks: summary.brokenLinks.length },
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
