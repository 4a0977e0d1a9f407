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
