import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { ApiError, InvalidRequestError } from '../http/api-errors';
import { MAX_FILE_BYTES } from '../routes/request-schemas';
import { ALLOWED_FILE_TYPES_TEXT, cleanFileName, fileTypeOfName, HEAD_BYTES, type FileType } from './file-types';
import type { AssignmentFiles, ReceivedFile } from './assignment-files';

/** Files one request may carry. */
export const MAX_FILES_PER_REQUEST = 20;

const tooLarge = (name: string) =>
  new ApiError(413, { error: 'file_too_large', file: name, limit: MAX_FILE_BYTES, message: `"${name}" is larger than 50 MB (${MAX_FILE_BYTES} bytes): split it or compress it` });
const unsupported = (name: string) =>
  new ApiError(415, { error: 'unsupported_file_type', file: name, message: `"${name}" is not a file planledger keeps: send ${ALLOWED_FILE_TYPES_TEXT}` });
const mismatch = (name: string, type: FileType) =>
  new ApiError(415, { error: 'file_content_mismatch', file: name, message: `"${name}" does not hold ${type.kind}: its content does not start as one does (renamed from another type?)` });

/**
 * Reads a multipart/form-data request: every part named `file` streams into FILES_DIR/tmp while
 * it is hashed (never held whole in memory), is fsync'd, and is checked by extension and by its
 * first bytes. The first refusal wins; the rest of the request is read and dropped, so that the
 * client gets the answer rather than a reset connection. On any refusal nothing is kept.
 */
export function receiveFiles(req: Request, files: AssignmentFiles): Promise<ReceivedFile[]> {
  return new Promise<ReceivedFile[]>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: MAX_FILE_BYTES + 1, files: MAX_FILES_PER_REQUEST, fields: 20, parts: MAX_FILES_PER_REQUEST + 20 } });
    } catch (error) {
      reject(new InvalidRequestError([{ path: 'headers.content-type', message: `not a multipart/form-data request: ${(error as Error).message}` }]));
      return;
    }
    const received: (ReceivedFile | undefined)[] = [];
    const written: ReceivedFile[] = [];
    const pending: Promise<void>[] = [];
    let refusal: Error | undefined;
    let parts = 0;
    let settled = false;
    const refuse = (error: Error) => {
      refusal ??= error;
    };

    const finish = async () => {
      await Promise.allSettled(pending);
      if (settled) return;
      settled = true;
      if (!refusal && received.length === 0) refuse(new InvalidRequestError([{ path: 'body.file', message: 'send at least one file, in a part named "file"' }]));
      if (refusal) {
        await files.discard(written);
        reject(refusal);
      } else {
        resolve(received as ReceivedFile[]);
      }
    };

    const store = async (index: number, name: string, type: FileType, stream: Readable & { truncated?: boolean }) => {
      const tempPath = await files.tempPath();
      const hash = createHash('sha256');
      const heads: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          if (headLength < HEAD_BYTES) {
            heads.push(chunk.subarray(0, HEAD_BYTES - headLength));
            headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
          }
          done(null, chunk);
        },
      });
      const file: ReceivedFile = { sha256: '', name, size: 0, mediaType: type.mediaType, tempPath };
      written.push(file);
      // `flush`: fsync before the stream closes, so the rename that follows publishes durable content.
      await pipeline(stream, tap, createWriteStream(tempPath, { flush: true }));
      // busboy marks a file truncated once it reaches its limit, so the limit is one byte over ours.
      if (stream.truncated || size > MAX_FILE_BYTES) throw tooLarge(name);
      if (!type.matches(Buffer.concat(heads))) throw mismatch(name, type);
      Object.assign(file, { sha256: hash.digest('hex'), size });
      received[index] = file;
    };

    parser.on('file', (field, stream, info) => {
      const index = parts++;
      const name = cleanFileName(info.filename ?? '');
      const type = fileTypeOfName(name);
      if (refusal) {
        // Already refused: the rest is read and dropped.
      } else if (field !== 'file') refuse(new InvalidRequestError([{ path: `body.${field}`, message: 'files go in parts named "file"' }]));
      else if (!name) refuse(new InvalidRequestError([{ path: `body.file[${index}]`, message: 'a file part needs a file name (Content-Disposition: form-data; name="file"; filename="…")' }]));
      else if (!type) refuse(unsupported(name));
      if (refusal || !type) {
        stream.resume();
        return;
      }
      pending.push(store(index, name, type, stream).catch((error: Error) => {
        refuse(error);
        stream.resume();
      }));
    });
    parser.on('field', (field) => refuse(new InvalidRequestError([{ path: `body.${field}`, message: 'only files are taken here, in parts named "file"' }])));
    parser.on('filesLimit', () => refuse(new InvalidRequestError([{ path: 'body.file', message: `at most ${MAX_FILES_PER_REQUEST} files per request` }])));
    parser.on('partsLimit', () => refuse(new InvalidRequestError([{ path: 'body', message: `at most ${MAX_FILES_PER_REQUEST} files per request` }])));
    parser.on('error', (error: Error) => {
      refuse(new InvalidRequestError([{ path: 'body', message: `not a readable multipart/form-data body: ${error.message}` }]));
      req.unpipe(parser);
      req.resume();
      void finish();
    });
    parser.on('close', () => void finish());
    req.on('aborted', () => {
      refuse(new InvalidRequestError([{ path: 'body', message: 'the upload was interrupted' }]));
      void finish();
    });
    req.pipe(parser);
  });
}
