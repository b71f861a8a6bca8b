import { breakLines, isRtlParagraph, splitRuns, visualRuns } from './report-text';

describe('direction runs', () => {
  it('finds the paragraph direction from its first strong character', () => {
    expect(isRtlParagraph('Il padre محمد')).toBe(false);
    expect(isRtlParagraph('  «محمد» Ali')).toBe(true);
    expect(isRtlParagraph('12, 13')).toBe(false);
  });

  it('keeps a multi-word Arabic name in one run inside Italian text', () => {
    expect(splitRuns('Il padre محمد علي (Mohamed Ali).')).toEqual([
      { text: 'Il padre ', rtl: false },
      { text: 'محمد علي', rtl: true },
      { text: ' (Mohamed Ali).', rtl: false },
    ]);
  });

  it('keeps numbers left to right inside Arabic text and orders the runs right to left', () => {
    const line = 'ولدان عمرهما 12 و 9 سنوات';
    expect(splitRuns(line, true).map((r) => [r.text, r.rtl])).toEqual([
      ['ولدان عمرهما ', true],
      ['12', false],
      [' و ', true],
      ['9', false],
      [' سنوات', true],
    ]);
    expect(visualRuns(line, true).map((r) => r.text)).toEqual([' سنوات', '9', ' و ', '12', 'ولدان عمرهما ']);
    expect(visualRuns('Ağa Юсуф', false)).toEqual([{ text: 'Ağa Юсуф', rtl: false }]);
  });
});

describe('line breaking', () => {
  const measure = (s: string) => [...s].length;

  it('breaks on spaces and cuts a word longer than the line', () => {
    expect(breakLines('uno due tre quattro', 7, measure)).toEqual(['uno due', 'tre', 'quattro']);
    expect(breakLines('a'.repeat(10), 4, measure)).toEqual(['aaaa', 'aaaa', 'aa']);
    expect(breakLines('  ', 10, measure)).toEqual([]);
  });
});
