import { DOCUMENT_MEDIA_TYPES, type DocumentMediaType } from '@app/contracts';
import { extensionOf } from './file-type';

const MAX_NAME_LENGTH = 150;

// The name shown to users and offered on download. Storage never uses it (the bytes live under
// the document's uuid), but it is still cleaned: no path, no control or reserved characters, no
// leading dots, a bounded length, and an extension that matches the detected content.
export function sanitizeFileName(raw: string | undefined, mediaType: DocumentMediaType): string {
  const expected = DOCUMENT_MEDIA_TYPES[mediaType] as readonly string[];
  let name = (raw ?? '').normalize('NFC');
  // Keep only the last path segment, whichever separator the client's OS uses.
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    // C0/C1 controls, DEL, bidi overrides and zero-width characters (they disguise extensions).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    // Characters reserved in Windows names or meaningful in headers and shells.
    .replace(/[<>:"|?*;$`]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  let extension = extensionOf(name);
  let base = name;
  if (extension !== null && expected.includes(extension)) base = name.slice(0, -(extension.length + 1));
  else extension = expected[0]!;
  base = base.replace(/[.\s]+$/, '');
  if ([...base].length > MAX_NAME_LENGTH) base = [...base].slice(0, MAX_NAME_LENGTH).join('').trim();
  if (!base) base = 'document';
  return `${base}.${extension}`;
}

// RFC 6266 / RFC 8187: an ASCII fallback for old clients plus the exact UTF-8 name.
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
