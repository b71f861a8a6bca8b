import { detectMediaType, extensionMatches, extensionOf, zipEntryNames } from './file-type';

// A stored (uncompressed) zip, enough for the detector: local headers, central directory, end
// record. CRCs are not checked by the detector.
function zip(entries: { name: string; data: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = Buffer.from(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);

describe('detectMediaType (by content, never by name)', () => {
  it.each([
    ['PDF', PDF, 'application/pdf'],
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['ODT', zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '<x/>' }]), 'application/vnd.oasis.opendocument.text'],
    ['DOCX', zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ])('recognises %s', (_name, data, expected) => {
    expect(detectMediaType(data)).toBe(expected);
  });

  it.each([
    ['a Windows executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1')],
    ['an ELF binary', Buffer.from('\x7fELF\x02\x01\x01', 'latin1')],
    ['an HTML page', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')],
    ['an HTML page with a PDF header later on', Buffer.from('<html>%PDF-1.4</html>')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['plain text', Buffer.from('hello')],
    ['an empty file', Buffer.alloc(0)],
    ['a zip that is neither ODT nor DOCX', zip([{ name: 'evil.exe', data: 'MZ' }])],
    ['an OpenDocument spreadsheet', zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }])],
    ['a truncated zip header', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0])],
  ])('refuses %s', (_name, data) => {
    expect(detectMediaType(data)).toBeNull();
  });

  it('reads zip entry names without decompressing, and gives up on a broken directory', () => {
    expect(zipEntryNames(zip([{ name: 'a.txt', data: 'x' }, { name: 'b/c.xml', data: 'y' }]))).toEqual(['a.txt', 'b/c.xml']);
    const broken = zip([{ name: 'a.txt', data: 'x' }]);
    broken.writeUInt32LE(0xdeadbeef, broken.length - 22 - 46 - 5);
    expect(zipEntryNames(broken)).toBeNull();
  });
});

describe('extension check', () => {
  it('requires the extension to agree with the content', () => {
    expect(extensionMatches('decree.pdf', 'application/pdf')).toBe(true);
    expect(extensionMatches('DECREE.PDF', 'application/pdf')).toBe(true);
    expect(extensionMatches('photo.jpeg', 'image/jpeg')).toBe(true);
    expect(extensionMatches('photo.jpg', 'image/jpeg')).toBe(true);
    expect(extensionMatches('photo.png', 'image/jpeg')).toBe(false);
    expect(extensionMatches('invoice.pdf.exe', 'application/pdf')).toBe(false);
    expect(extensionMatches('page.html', 'application/pdf')).toBe(false);
  });

  it('accepts a name without an extension (the server adds it) and ignores version suffixes', () => {
    expect(extensionOf('scan')).toBeNull();
    expect(extensionOf('relazione v1.2')).toBeNull();
    expect(extensionMatches('scan', 'application/pdf')).toBe(true);
  });
});
