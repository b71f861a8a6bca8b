import { reportSectionKeys, type ReportKind, type ReportSections, type ReportVersion } from '@app/contracts';
import type { TFunction } from 'i18next';

export type DraftText = {
  originalLanguage: string;
  sectionsOriginal: ReportSections;
  sectionsIt: ReportSections;
};

// The draft as the composer holds it: every section of the kind present, as text.
export const draftFromVersion = (kind: ReportKind, version: Pick<ReportVersion, 'originalLanguage' | 'sectionsOriginal' | 'sectionsIt'>): DraftText => {
  const keys = reportSectionKeys(kind);
  return {
    originalLanguage: version.originalLanguage,
    sectionsOriginal: Object.fromEntries(keys.map((key) => [key, version.sectionsOriginal[key] ?? ''])),
    sectionsIt: Object.fromEntries(keys.map((key) => [key, version.sectionsIt[key] ?? ''])),
  };
};

export const sameDraft = (a: DraftText, b: DraftText): boolean =>
  a.originalLanguage === b.originalLanguage &&
  Object.keys({ ...a.sectionsOriginal, ...b.sectionsOriginal }).every((key) => (a.sectionsOriginal[key] ?? '') === (b.sectionsOriginal[key] ?? '')) &&
  Object.keys({ ...a.sectionsIt, ...b.sectionsIt }).every((key) => (a.sectionsIt[key] ?? '') === (b.sectionsIt[key] ?? ''));

// A section's heading; a section the client does not know yet is named by its key.
export const sectionTitle = (t: TFunction, key: string): string => t(`reports.sections.${key}`, { defaultValue: key });
