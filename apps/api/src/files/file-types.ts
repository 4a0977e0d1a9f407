/** The documents a department hands in: PDF, Word, Excel and images. By extension, each with the signature its content must start with. */
export interface FileType {
  extensions: readonly string[];
  mediaType: string;
  /** What the content must be, in words (for the error). */
  kind: string;
  matches(head: Buffer): boolean;
}

const startsWith = (head: Buffer, bytes: readonly number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
/** OLE2 compound file: the container of .doc and .xls. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** ZIP local file header: the container of .docx and .xlsx. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

export const FILE_TYPES: readonly FileType[] = [
  // A PDF may have a few bytes of junk before its header; readers accept it within the first 1 KB.
  { extensions: ['pdf'], mediaType: 'application/pdf', kind: 'a PDF document', matches: (head) => head.subarray(0, 1024).indexOf(Buffer.from(PDF)) >= 0 },
  { extensions: ['doc'], mediaType: 'application/msword', kind: 'a Word 97–2003 document (OLE2)', matches: (head) => startsWith(head, OLE2) },
  { extensions: ['xls'], mediaType: 'application/vnd.ms-excel', kind: 'an Excel 97–2003 workbook (OLE2)', matches: (head) => startsWith(head, OLE2) },
  { extensions: ['docx'], mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'a Word document (ZIP)', matches: (head) => startsWith(head, ZIP) },
  { extensions: ['xlsx'], mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'an Excel workbook (ZIP)', matches: (head) => startsWith(head, ZIP) },
  { extensions: ['png'], mediaType: 'image/png', kind: 'a PNG image', matches: (head) => startsWith(head, PNG) },
  { extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg', kind: 'a JPEG image', matches: (head) => startsWith(head, JPEG) },
  { extensions: ['gif'], mediaType: 'image/gif', kind: 'a GIF image', matches: (head) => startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a')) },
  { extensions: ['webp'], mediaType: 'image/webp', kind: 'a WebP image', matches: (head) => startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8) },
];

export const ALLOWED_FILE_TYPES_TEXT = 'PDF (.pdf), Word (.doc, .docx), Excel (.xls, .xlsx), images (.png, .jpg, .jpeg, .gif, .webp)';

/** How many leading bytes `matches` looks at. */
export const HEAD_BYTES = 1024;

/** The type a file name's extension claims, if it is one we take. */
export function fileTypeOfName(name: string): FileType | undefined {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return undefined;
  const extension = name.slice(dot + 1).toLowerCase();
  return FILE_TYPES.find((type) => type.extensions.includes(extension));
}

/**
 * A file name as a person sees it: no folders (old browsers send C:\fakepath\…), no control
 * characters, NFC (macOS sends decomposed Chinese and accents), at most 255 characters.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  return base.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
}
