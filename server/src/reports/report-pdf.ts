import { readFileSync } from 'node:fs';
import { reportSectionKeys, type ReportKind, type ReportSections } from '@app/contracts';
import PDFDocument from 'pdfkit';
import { assetPath } from '../common/paths';
import type { DraftSource } from './report-drafting';
import { INTERVIEW_MODE_IT, KIND_TITLE_IT, SECTION_TITLE_IT, countryNameIt, formatDateIt, formatDateTimeIt, formatIsoDateIt } from './report-labels';
import { breakLines, isRtlParagraph, visualRuns, type DirectionRun } from './report-text';

// Server-rendered PDF of a released report version (architecture-brief §6): A4, Italian headings,
// the Italian text (and on request the original), a header with the case number and the kind, and
// on every page a footer naming the recipient, the version, the release date, who downloaded it
// and when (domain.md §8 rule 10), and the page number. DejaVu Sans is embedded (subset) so that
// names with diacritics and in Arabic, Cyrillic or Greek print as written.

export interface ReportPdfInput {
  kind: ReportKind;
  caseNumber: string;
  minor: { firstName: string; lastName: string; aliases: string[]; dateOfBirth: string | null; nationality: string };
  version: {
    versionNo: number;
    originalLanguage: string;
    sectionsOriginal: ReportSections;
    sectionsIt: ReportSections;
    source: Partial<DraftSource>;
    contentSha256: string;
    draftedBy: string;
    qaBy: string | null;
    qaAt: Date | null;
    approvedBy: string;
    approvedAt: Date;
    releasedAt: Date;
  };
  recipientName: string;
  downloadedBy: string;
  generatedAt: Date;
  includeOriginal: boolean;
  // A copy for an external recipient: every page carries a diagonal watermark with the name of the
  // person who downloaded it and the time (domain.md §8 rule 10; issue 5).
  watermark?: boolean;
}

export const FONT_FILES = { body: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
type FontName = keyof typeof FONT_FILES;

let fontCache: Record<FontName, Buffer> | undefined;
// Read once per process; pdfkit embeds only the glyphs a document uses.
export function reportFonts(): Record<FontName, Buffer> {
  fontCache ??= {
    body: readFileSync(assetPath('fonts', FONT_FILES.body)),
    bold: readFileSync(assetPath('fonts', FONT_FILES.bold)),
  };
  return fontCache;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 78, bottom: 82, left: 56, right: 56 };
const INK = '#111111';
const MUTED = '#555555';
const ACCENT = '#1f4e79';
// Shaping a right-to-left run at once (not word by word, which pdfkit does to cache left-to-right
// text) keeps its words in order.
const SHAPE_WHOLE_RUN = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };
const shaping = (rtl: boolean) => (rtl ? SHAPE_WHOLE_RUN : {});

interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
}

class PageWriter {
  y = MARGIN.top;
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  get left() {
    return MARGIN.left;
  }
  get width() {
    return A4.width - MARGIN.left - MARGIN.right;
  }
  private get bottom() {
    return A4.height - MARGIN.bottom;
  }

  lineHeight(size: number) {
    return size * 1.45;
  }

  ensure(height: number) {
    if (this.y + height > this.bottom) {
      this.doc.addPage();
      this.y = MARGIN.top;
    }
  }

  private font: FontName = 'body';
  private size = 10.5;

  style({ font = 'body', size = 10.5, color = INK }: TextStyle) {
    this.doc.font(font).fontSize(size).fillColor(color);
    this.font = font;
    this.size = size;
    return size;
  }

  private widths = new Map<string, number>();

  // Width of a run in the current font and size (each distinct run is measured once per document).
  runWidth(run: DirectionRun) {
    const key = `${this.font}|${this.size}|${run.rtl ? 'r' : 'l'}|${run.text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.doc.widthOfString(run.text, shaping(run.rtl));
      this.widths.set(key, width);
    }
    return width;
  }

  measure(text: string, rtl: boolean) {
    return visualRuns(text, rtl).reduce((sum, run) => sum + this.runWidth(run), 0);
  }

  // One line at (x, y), its direction runs drawn left to right in visual order.
  drawLine(text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center', rtl = isRtlParagraph(text)) {
    const runs = visualRuns(text, rtl).map((run) => ({ ...run, width: this.runWidth(run) }));
    const total = runs.reduce((sum, run) => sum + run.width, 0);
    let cx = align === 'right' ? x + width - total : align === 'center' ? x + (width - total) / 2 : x;
    for (const run of runs) {
      this.doc.text(run.text, cx, y, { ...shaping(run.rtl), lineBreak: false });
      cx += run.width;
    }
  }

  // Paragraphs separated by newlines; a right-to-left paragraph is right-aligned.
  paragraphs(text: string, style: TextStyle = {}, { indent = 0, gap = 3, x = this.left, width = this.width, direction = 'auto' as 'auto' | 'ltr' } = {}) {
    const size = this.style(style);
    const lineHeight = this.lineHeight(size);
    for (const paragraph of text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n')) {
      if (!paragraph.trim()) {
        this.y += lineHeight / 2;
        continue;
      }
      const rtl = direction === 'auto' && isRtlParagraph(paragraph);
      const available = width - indent;
      for (const line of breakLines(paragraph, available, (s) => this.measure(s, rtl))) {
        this.ensure(lineHeight);
        this.style(style);
        this.drawLine(line, x + indent, this.y, available, rtl ? 'right' : 'left', rtl);
        this.y += lineHeight;
      }
      this.y += gap;
    }
  }

  heading(text: string, size = 12) {
    this.ensure(this.lineHeight(size) + this.lineHeight(10.5) * 2 + 8);
    this.y += 6;
    this.paragraphs(text, { font: 'bold', size, color: ACCENT }, { gap: 2 });
  }

  // A label and its value side by side; the value wraps in its column.
  field(label: string, value: string) {
    const labelWidth = 150;
    const size = 9.5;
    this.ensure(this.lineHeight(size));
    this.style({ font: 'bold', size, color: MUTED });
    this.drawLine(label, this.left, this.y, labelWidth - 8, 'left', false);
    // Values are Italian text with names in them: left to right, whatever script a name is in.
    this.paragraphs(value || '—', { size }, { x: this.left + labelWidth, width: this.width - labelWidth, gap: 1, direction: 'ltr' });
  }

  rule(y: number) {
    this.doc.moveTo(MARGIN.left, y).lineTo(A4.width - MARGIN.right, y).lineWidth(0.5).strokeColor('#999999').stroke();
  }
}

const minorName = (m: ReportPdfInput['minor']) => `${m.firstName} ${m.lastName}`.trim();

function frontMatter(w: PageWriter, input: ReportPdfInput) {
  const { version, minor } = input;
  w.paragraphs(KIND_TITLE_IT[input.kind], { font: 'bold', size: 17, color: ACCENT }, { gap: 2 });
  w.paragraphs(`Fascicolo ${input.caseNumber} · Versione ${version.versionNo} · Rilasciata il ${formatDateIt(version.releasedAt)}`, { size: 10, color: MUTED }, { gap: 10 });

  w.field('Minore', minorName(minor));
  if (minor.aliases.length) w.field('Altri nomi', minor.aliases.join(', '));
  w.field('Data di nascita', minor.dateOfBirth ? formatIsoDateIt(minor.dateOfBirth) : 'non nota');
  w.field('Nazionalità', countryNameIt(minor.nationality));
  const interview = version.source.interview;
  if (interview) {
    w.field('Colloquio', `${formatIsoDateIt(interview.date)}, ${INTERVIEW_MODE_IT[interview.mode] ?? interview.mode}`);
    if (interview.personsPresent.length) w.field('Persone presenti', interview.personsPresent.join('\n'));
  }
  w.field('Lingua originale', version.originalLanguage);
  w.field('Redazione', version.draftedBy);
  if (version.qaBy) w.field('Controllo di qualità', `${version.qaBy}${version.qaAt ? `, ${formatDateIt(version.qaAt)}` : ''}`);
  w.field('Approvazione', `${version.approvedBy}, ${formatDateIt(version.approvedAt)}`);
  w.field('Impronta SHA-256', version.contentSha256);
  w.y += 6;
}

function sections(w: PageWriter, kind: ReportKind, texts: ReportSections) {
  for (const key of reportSectionKeys(kind)) {
    w.heading(SECTION_TITLE_IT[key] ?? key);
    w.paragraphs(texts[key]?.trim() || '—');
  }
}

function decorate(doc: PDFKit.PDFDocument, w: PageWriter, input: ReportPdfInput) {
  const range = doc.bufferedPageRange();
  const header = `Fascicolo ${input.caseNumber} · ${KIND_TITLE_IT[input.kind]}`;
  const footer1 = `Destinatario: ${input.recipientName} · Versione ${input.version.versionNo} · Rilasciata il ${formatDateIt(input.version.releasedAt)}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    w.style({ size: 8, color: MUTED });
    w.drawLine('OIM – Organizzazione Internazionale per le Migrazioni · Roma, Unità minori stranieri non accompagnati', MARGIN.left, 34, w.width, 'left');
    w.style({ font: 'bold', size: 8.5, color: INK });
    w.drawLine(header, MARGIN.left, 46, w.width, 'left');
    w.rule(60);

    const base = A4.height - MARGIN.bottom + 16;
    w.rule(base - 6);
    w.style({ size: 7.5, color: INK });
    w.drawLine(footer1, MARGIN.left, base, w.width, 'left');
    w.style({ size: 7.5, color: MUTED });
    w.drawLine(`Scaricato da ${input.downloadedBy} il ${formatDateTimeIt(input.generatedAt)} · Documento riservato: contiene dati personali di un minore`, MARGIN.left, base + 11, w.width, 'left');
    w.style({ font: 'bold', size: 7.5, color: INK });
    w.drawLine(`Pagina ${i - range.start + 1} di ${range.count}`, MARGIN.left, base + 22, w.width, 'right');
    if (input.watermark) watermark(doc, w, `${input.downloadedBy} · ${formatDateTimeIt(input.generatedAt)}`);
  }
}

// Light, diagonal, across the middle of the page, drawn over the text so it cannot be cropped
// away without losing content.
function watermark(doc: PDFKit.PDFDocument, w: PageWriter, text: string) {
  doc.save();
  doc.rotate(-35, { origin: [A4.width / 2, A4.height / 2] });
  w.style({ font: 'bold', size: 20, color: '#777777' });
  doc.fillOpacity(0.16);
  for (const dy of [-150, 0, 150]) w.drawLine(text, MARGIN.left - 40, A4.height / 2 + dy, w.width + 80, 'center');
  doc.restore();
}

export function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const fonts = reportFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'it-IT',
    displayTitle: true,
    info: {
      // No personal data in the metadata: a file name or an index may show it.
      Title: `${KIND_TITLE_IT[input.kind]} – ${input.caseNumber} – versione ${input.version.versionNo}`,
      Author: 'OIM Roma – Unità MSNA',
      Creator: 'MSNA case management',
      CreationDate: input.generatedAt,
    },
  });
  doc.registerFont('body', fonts.body);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w = new PageWriter(doc);
  frontMatter(w, input);
  sections(w, input.kind, input.version.sectionsIt);
  if (input.includeOriginal) {
    doc.addPage();
    w.y = MARGIN.top;
    w.paragraphs(`Testo originale · ${input.version.originalLanguage}`, { font: 'bold', size: 15, color: ACCENT }, { gap: 6 });
    sections(w, input.kind, input.version.sectionsOriginal);
  }
  w.y += 10;
  w.paragraphs(
    'Documento riservato. Contiene dati personali di un minore straniero non accompagnato e della sua famiglia: può essere usato solo per la finalità indicata al momento della trasmissione e non può essere inoltrato a terzi senza una base giuridica.',
    { size: 8.5, color: MUTED },
  );
  decorate(doc, w, input);
  doc.end();
  return done;
}
