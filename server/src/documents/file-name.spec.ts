import { contentDisposition, sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['decree.pdf', 'decree.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\op\\Desktop\\scan.pdf', 'scan.pdf'],
    ['a";.html', 'a__.html.pdf'],
    ['.htaccess', 'htaccess.pdf'],
    ['report\u202Efdp.exe', 'reportfdp.exe.pdf'],
    ['  spaced   name  .pdf', 'spaced name.pdf'],
    ['ctrl\u0000\u0007chars.pdf', 'ctrlchars.pdf'],
    ['', 'document.pdf'],
    [undefined, 'document.pdf'],
    ['...', 'document.pdf'],
    ['Relazione sociale – Müller.PDF', 'Relazione sociale – Müller.pdf'],
    ['scan', 'scan.pdf'],
    ['100% consent.pdf', '100% consent.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw, 'application/pdf')).toBe(expected);
  });

  it('keeps an extension that fits the content', () => {
    expect(sanitizeFileName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(sanitizeFileName('photo.JPG', 'image/jpeg')).toBe('photo.jpg');
  });

  it('bounds the length and keeps the extension', () => {
    const name = sanitizeFileName(`${'x'.repeat(500)}.pdf`, 'application/pdf');
    expect(name.length).toBeLessThanOrEqual(160);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('replaces a wrong extension with the detected one', () => {
    expect(sanitizeFileName('picture.gif', 'image/png')).toBe('picture.gif.png');
  });
});

describe('contentDisposition (RFC 6266 / RFC 8187)', () => {
  it('always says attachment, with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Relazione – Müller.pdf')).toBe(`attachment; filename="Relazione _ Muller.pdf"; filename*=UTF-8''Relazione%20%E2%80%93%20M%C3%BCller.pdf`);
  });

  it('cannot be broken out of by quotes, backslashes or newlines', () => {
    const header = contentDisposition('a"b\\c\r\nX-Evil: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toContain(`filename*=UTF-8''a%22b%5Cc%0D%0AX-Evil%3A%201.pdf`);
  });
});
