import { ASSESSMENT_SECTION_KEYS } from '@app/contracts';
import { renderReportPdf, type ReportPdfInput } from './report-pdf';

interface PdfPage {
  pageIndex: number;
  view: number[];
  getTextContent(options: object): Promise<{ items: { str: string; transform: number[] }[] }>;
}
// pdf-parse 1.1.1 (its bundled pdf.js) as an independent reader: text comes back only if each
// glyph is embedded and mapped to its character (ToUnicode). Its index.js runs a self-test when
// required from a non-module context, so the library file is loaded directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
  options?: { pagerender?(page: PdfPage): Promise<string> },
) => Promise<{ text: string; info: Record<string, unknown> }>;

async function extractPdfText(pdf: Buffer): Promise<{ text: string; pages: { text: string; size: number[] }[] }> {
  const pages: { text: string; size: number[] }[] = [];
  const { text } = await pdfParse(pdf, {
    async pagerender(page) {
      const content = await page.getTextContent({ normalizeWhitespace: false, disableCombineTextItems: false });
      let lastY: number | undefined;
      let pageText = '';
      for (const item of content.items) {
        pageText += lastY === undefined || lastY === item.transform[5] ? item.str : `\n${item.str}`;
        lastY = item.transform[5];
      }
      pages[page.pageIndex] = { text: pageText, size: page.view.slice(2) };
      return pageText;
    },
  });
  return { text, pages };
}

const sections = (prefix: string) => Object.fromEntries(ASSESSMENT_SECTION_KEYS.map((k) => [k, `${prefix} ${k}.`]));

const input = (overrides: Partial<ReportPdfInput> = {}): ReportPdfInput => ({
  kind: 'FAMILY_ASSESSMENT',
  caseNumber: 'IF-2026-0042',
  minor: { firstName: 'Ağa Yūsuf', lastName: 'Traoré Ñúñez', aliases: ['يوسف تراوري', 'Юсуф'], dateOfBirth: '2009-01-01', nationality: 'EG' },
  version: {
    versionNo: 2,
    originalLanguage: 'Arabic (Egyptian)',
    sectionsOriginal: { ...sections('Original'), household: 'الأب محمد علي والأم فاطمة، ولدان عمرهما 12 و 9 سنوات.' },
    sectionsIt: {
      ...sections('Testo italiano'),
      household: 'Il padre محمد علي (Mohamed Ali), la madre Şule e la nonna Αλεξάνδρα; lo zio Олександр vive a Kyiv. Perché è così: à è é ì ò ù, ğ, ā.',
    },
    source: { interview: { date: '2026-10-02', mode: 'HOME_VISIT', personsPresent: ['Padre', 'Madre'] } },
    contentSha256: 'a'.repeat(64),
    draftedBy: 'Marco Bellini (demo)',
    qaBy: 'Sara Conti (demo)',
    qaAt: new Date('2026-11-02T10:00:00Z'),
    approvedBy: 'Giulia Ferri (demo)',
    approvedAt: new Date('2026-11-03T10:00:00Z'),
    releasedAt: new Date('2026-11-04T10:00:00Z'),
  },
  recipientName: 'Comune di Milano – Servizi sociali per minori',
  downloadedBy: 'Laura Colombo (demo)',
  generatedAt: new Date('2026-11-05T09:30:00Z'),
  includeOriginal: false,
  ...overrides,
});

describe('report PDF', () => {
  it('renders an A4 PDF whose text (diacritics, Arabic, Greek, Cyrillic) can be extracted', async () => {
    const pdf = await renderReportPdf(input());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await extractPdfText(pdf);
    expect(pages[0]?.size).toEqual([595.28, 841.89]);
    expect(text).toContain('Relazione di indagine familiare');
    expect(text).toContain('Ağa Yūsuf Traoré Ñúñez');
    expect(text).toContain('à è é ì ò ù, ğ, ā');
    expect(text).toContain('Şule');
    expect(text).toContain('Αλεξάνδρα');
    expect(text).toContain('Олександр');
    // Arabic is shaped and drawn right to left, its words in order (the reader turns the visual
    // order back into the logical one).
    expect(text).toContain('Il padre محمد علي (Mohamed Ali)');
    expect(text).toContain('Composizione del nucleo familiare');
    // The original language is left out unless asked for.
    expect(text).not.toContain('Original household.');
  });

  it('puts the recipient, version, release date and page x/y on every page', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Paragrafo ${i + 1}: la famiglia descrive la situazione abitativa con molti dettagli.`).join('\n');
    const pdf = await renderReportPdf(input({ includeOriginal: true, version: { ...input().version, sectionsIt: { ...input().version.sectionsIt, housing: long } } }));
    const { pages } = await extractPdfText(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page.text).toContain('Destinatario: Comune di Milano – Servizi sociali per minori · Versione 2 · Rilasciata il 04/11/2026');
      expect(page.text).toContain(`Pagina ${i + 1} di ${pages.length}`);
      expect(page.text).toContain('Fascicolo IF-2026-0042');
      expect(page.text).toContain('Scaricato da Laura Colombo (demo) il 05/11/2026 alle 10:30');
    });
    const all = pages.map((p) => p.text).join('\n');
    expect(all).toContain('Testo originale · Arabic (Egyptian)');
    expect(all).toContain('Original housing.');
    expect(all).toContain('Paragrafo 40');
  });

  it('keeps personal data out of the document metadata', async () => {
    const pdf = await renderReportPdf(input());
    const { info } = await pdfParse(pdf);
    expect(info).toMatchObject({ Title: 'Relazione di indagine familiare – IF-2026-0042 – versione 2', Author: 'OIM Roma – Unità MSNA' });
    expect(JSON.stringify(info)).not.toMatch(/Traor|Yūsuf|Ñúñez/);
  });
});
