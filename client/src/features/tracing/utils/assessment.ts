import { ASSESSMENT_SECTION_KEYS, type AssessmentSectionKey, type AssessmentSections } from '@app/contracts';
import type { FieldError } from 'react-hook-form';

export type SectionTexts = Record<AssessmentSectionKey, string>;

export const emptySections = (from: AssessmentSections = {}): SectionTexts =>
  Object.fromEntries(ASSESSMENT_SECTION_KEYS.map((key) => [key, from[key] ?? ''])) as SectionTexts;

// Only the sections with text are sent: an empty box means "not written".
export const writtenSections = (texts: SectionTexts): AssessmentSections =>
  Object.fromEntries(ASSESSMENT_SECTION_KEYS.filter((key) => texts[key].trim() !== '').map((key) => [key, texts[key]]));

// The sections present in an assessment, in the contract's order.
export const sectionsOf = (sections: AssessmentSections): AssessmentSectionKey[] =>
  ASSESSMENT_SECTION_KEYS.filter((key) => typeof sections[key] === 'string');

// A field's own error, or the first error found below it (a list field validated item by item,
// an object validated as a whole).
export const firstError = (error: unknown): FieldError | undefined => {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string') return error as FieldError;
  for (const child of Object.values(error)) {
    const found = firstError(child);
    if (found) return found;
  }
  return undefined;
};
