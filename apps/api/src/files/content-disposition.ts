/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987): browsers use the
 * UTF-8 name (Chinese survives); the quoted ASCII fallback is for clients that know only it.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
