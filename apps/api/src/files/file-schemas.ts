import { z } from 'zod';
import { ALLOWED_FILE_TYPES_TEXT } from './file-types';

export const UPLOAD_DESCRIPTION =
  `multipart/form-data with one or more parts named "file" (at most 20), each at most 50 MB: ${ALLOWED_FILE_TYPES_TEXT}. ` +
  'Each is checked by its name\'s extension and by its content (PDF, OLE2 for .doc/.xls, ZIP for .docx/.xlsx, the image signatures). ' +
  'UTF-8 file names (RFC 5987 filename* or a browser\'s raw UTF-8) are kept. 400 `invalid_request`; 413 `file_too_large` {file}; 415 `unsupported_file_type` / `file_content_mismatch` {file}. ' +
  'Nothing is stored unless every file passes.';

export const uploadedFileSchema = z.object({
  sha256: z.string().describe('lower-case hex SHA-256 of the content: reference it in `attachments` of submit or progress'),
  name: z.string().describe('the file name as sent'),
  size: z.number().int().describe('bytes'),
  mediaType: z.string().describe('the media type of its extension (its content was checked to match)'),
});
export const uploadAnswer = z.object({ files: z.array(uploadedFileSchema) });
export type UploadedFile = z.output<typeof uploadedFileSchema>;

export const fileDownloadAuditQuery = z.strictObject({
  person: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/, 'a person id').optional().describe('one person (login); everyone when absent'),
  planId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a plan id').optional().describe('one plan; every plan when absent'),
  from: z.iso.datetime({ offset: true }).optional().describe('start (inclusive); default 30 days before `to`'),
  to: z.iso.datetime({ offset: true }).optional().describe('end (exclusive); default just after now (service clock), so what was recorded now is included'),
});

export const fileDownloadAuditAnswer = z.object({
  from: z.string(),
  to: z.string(),
  entries: z.array(z.object({
    at: z.string().describe('business time of the download (service clock)'),
    personId: z.string(),
    clientAddress: z.string().optional(),
    planId: z.string(),
    type: z.enum(['FileDownloaded', 'BulletinDownloaded']).describe('a document handed in with an assignment, or an issued bulletin'),
    assignmentId: z.string().optional().describe('FileDownloaded: the assignment the document was handed in with'),
    bulletinNumber: z.string().optional().describe('BulletinDownloaded: the bulletin\'s number'),
    sha256: z.string(),
    name: z.string(),
    outcome: z.enum(['served', 'damaged']).describe('`damaged`: the stored file was missing or its size wrong, and nothing was sent'),
    stream: z.string(),
    revision: z.string(),
  })),
});

export const sweepFilesBody = z.strictObject({
  olderThanDays: z.number().int().min(1).max(3650).default(30).describe('uploads recorded more than this many days ago (service clock) and referenced by no event are removed; default 30'),
  dryRun: z.boolean().default(true).describe('list what would be removed and remove nothing (the default); false removes'),
});

export const sweepFilesAnswer = z.object({
  dryRun: z.boolean(),
  uploadedBefore: z.string(),
  uploads: z.array(z.object({
    planId: z.string(), assignmentId: z.string(), sha256: z.string(), name: z.string(), size: z.number().int(), uploadedBy: z.string(), uploadedAt: z.string(),
  })).describe('upload records no submission or progress report references'),
  contents: z.array(z.string()).describe('SHA-256 of contents no remaining upload holds: deleted from the content store'),
  bytesFreed: z.number().int(),
  partialUploads: z.number().int().describe('left-overs of interrupted uploads older than a day, deleted from FILES_DIR/tmp'),
});
