import { DOCUMENT_MEDIA_TYPES, type DocumentMediaType } from '@app/contracts';

// The type of an upload is decided by its content (magic bytes), never by the declared
// Content-Type or the file name alone (ASVS V5.2.2). Anything else is refused with 415.

const startsWith = (data: Buffer, signature: readonly number[], offset = 0) =>
  data.length >= offset + signature.length && signature.every((byte, i) => data[offset + i] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// OpenDocument: the first zip entry is "mimetype", stored uncompressed, whose content is the
// media type (ODF 1.2 part 3, §3.3).
function isOdt(data: Buffer): boolean {
  if (!startsWith(data, ZIP_LOCAL) || data.length < 30) return false;
  const method = data.readUInt16LE(8);
  const nameLength = data.readUInt16LE(26);
  const extraLength = data.readUInt16LE(28);
  if (method !== 0 || data.length < 30 + nameLength) return false;
  if (data.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return false;
  const start = 30 + nameLength + extraLength;
  return data.toString('latin1', start, start + ODT_MIMETYPE.length) === ODT_MIMETYPE && data.length > start + ODT_MIMETYPE.length;
}

// The names in a zip's central directory (read from the end-of-central-directory record; nothing
// is decompressed, so a zip bomb costs nothing).
export function zipEntryNames(data: Buffer, maxEntries = 5000): string[] | null {
  const EOCD = 0x06054b50;
  const minEocd = 22;
  if (data.length < minEocd) return null;
  const searchFrom = Math.max(0, data.length - minEocd - 0xffff);
  let eocd = -1;
  for (let i = data.length - minEocd; i >= searchFrom; i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = data.readUInt16LE(eocd + 10);
  const size = data.readUInt32LE(eocd + 12);
  const offset = data.readUInt32LE(eocd + 16);
  if (entries > maxEntries || offset + size > eocd) return null;
  const names: string[] = [];
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    if (p + 46 + nameLength > data.length) return null;
    names.push(data.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

// Office Open XML word-processing document: a zip with [Content_Types].xml and word/document.xml.
function isDocx(data: Buffer): boolean {
  if (!startsWith(data, ZIP_LOCAL)) return false;
  const names = zipEntryNames(data);
  return names !== null && names.includes('[Content_Types].xml') && names.includes('word/document.xml');
}

export function detectMediaType(data: Buffer): DocumentMediaType | null {
  if (startsWith(data, PDF)) return 'application/pdf';
  if (startsWith(data, PNG)) return 'image/png';
  if (startsWith(data, JPEG)) return 'image/jpeg';
  if (isOdt(data)) return ODT_MIMETYPE;
  if (isDocx(data)) return DOCX;
  return null;
}

// The last dot-separated suffix that looks like an extension ("v1.2" is a version, not a type).
export const extensionOf = (fileName: string): string | null => {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match && !/^\d+$/.test(match[1]!) ? match[1]!.toLowerCase() : null;
};

// A file name without an extension is accepted (the server adds the right one); one whose
// extension names another type is refused.
export function extensionMatches(fileName: string, mediaType: DocumentMediaType): boolean {
  const extension = extensionOf(fileName);
  return extension === null || (DOCUMENT_MEDIA_TYPES[mediaType] as readonly string[]).includes(extension);
}
