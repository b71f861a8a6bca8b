// Just enough bidirectional text handling for names and paragraphs in reports: the PDF library
// shapes a right-to-left run (Arabic, Hebrew) and reverses its glyphs, but it neither splits mixed
// text into runs nor orders the runs of a right-to-left paragraph. This splits a line into
// direction runs and gives them in visual order (a simplified Unicode bidi: one embedding level,
// numbers and Latin inside right-to-left text kept left-to-right).

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic Extended, presentation forms.
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
// Letters and digits of left-to-right scripts (Latin, Greek, Cyrillic, …) and European digits.
const LTR_CHAR = /[\p{L}\p{N}]/u;

export interface DirectionRun {
  text: string;
  rtl: boolean;
}

type Strength = 'rtl' | 'ltr' | 'neutral';
const strength = (ch: string): Strength => (RTL_CHAR.test(ch) ? 'rtl' : LTR_CHAR.test(ch) ? 'ltr' : 'neutral');

// The direction of a paragraph: that of its first strong character (left-to-right by default).
export function isRtlParagraph(text: string): boolean {
  for (const ch of text) {
    const s = strength(ch);
    if (s !== 'neutral') return s === 'rtl';
  }
  return false;
}

// Maximal runs in logical order. Neutral characters (spaces, punctuation) between two right-to-left
// characters belong to the right-to-left run; any other neutral belongs to the run of the
// paragraph's direction.
export function splitRuns(text: string, rtlParagraph = false): DirectionRun[] {
  const chars = [...text];
  const strengths = chars.map(strength);
  // The nearest strong character before and after each position.
  const before: (Strength | undefined)[] = [];
  const after: (Strength | undefined)[] = new Array(chars.length);
  let seen: Strength | undefined;
  strengths.forEach((s, i) => {
    before[i] = seen;
    if (s !== 'neutral') seen = s;
  });
  seen = undefined;
  for (let i = strengths.length - 1; i >= 0; i--) {
    after[i] = seen;
    if (strengths[i] !== 'neutral') seen = strengths[i];
  }
  const dirs: boolean[] = strengths.map((s, i) => {
    if (s !== 'neutral') return s === 'rtl';
    if (before[i] === 'rtl' && after[i] === 'rtl') return true;
    if (before[i] === 'ltr' && after[i] === 'ltr') return false;
    return rtlParagraph;
  });
  const runs: DirectionRun[] = [];
  chars.forEach((ch, i) => {
    const rtl = dirs[i]!;
    const last = runs[runs.length - 1];
    if (last && last.rtl === rtl) last.text += ch;
    else runs.push({ text: ch, rtl });
  });
  return runs;
}

// The runs of one line in the order they are drawn from left to right. The glyphs inside a
// right-to-left run are reversed by the shaper, not here.
export function visualRuns(line: string, rtlParagraph: boolean): DirectionRun[] {
  const runs = splitRuns(line, rtlParagraph);
  return rtlParagraph ? runs.reverse() : runs;
}

// Greedy line breaking on spaces. Each word is measured once (a line's width is the sum of its
// words and spaces: shaping never joins across a space); a word wider than the line is cut
// between characters.
export function breakLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const space = measure(' ');
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of words) {
    const width = measure(word);
    if (current && currentWidth + space + width <= maxWidth) {
      current += ` ${word}`;
      currentWidth += space + width;
      continue;
    }
    if (current) lines.push(current);
    if (width <= maxWidth) {
      current = word;
      currentWidth = width;
      continue;
    }
    let piece = '';
    for (const ch of word) {
      if (piece && measure(piece + ch) > maxWidth) {
        lines.push(piece);
        piece = '';
      }
      piece += ch;
    }
    current = piece;
    currentWidth = measure(piece);
  }
  if (current) lines.push(current);
  return lines;
}
