import type { Locale } from '@app/contracts';
import { intlLocale } from '@/lib/format';

// The server's default upload limit (MAX_UPLOAD_MB, server/src/config/env.ts). The contract does
// not carry the configured value, so this is a friendly early check only: the server's 413 is
// the rule.
export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

// A file size in the user's language: "512 byte", "14,2 kB", "3,1 MB".
export const formatFileSize = (bytes: number, locale: Locale): string => {
  const format = (value: number, unit: 'byte' | 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return format(bytes, 'byte');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'kilobyte');
  return format(bytes / (1024 * 1024), 'megabyte');
};

export const formatDateTime = (isoDateTime: string, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(isoDateTime));

// The first characters of a sha-256 are enough to compare by eye; the whole value is in the title.
export const shortHash = (sha256: string): string => sha256.slice(0, 12);
