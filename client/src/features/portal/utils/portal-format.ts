import { romeDay } from '@app/contracts';
import { appNow } from '@/lib/clock';

export { formatDateTime, formatFileSize, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '@/lib/format';

const pad = (value: number): string => String(value).padStart(2, '0');

// Today as a calendar day in Italy, YYYY-MM-DD (the default of date fields, and their maximum).
export const todayIso = (now: Date = appNow()): string => romeDay(now);

// <input type="datetime-local"> works in the user's local time without a zone.
export const toLocalDateTimeInput = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

// The local date-time typed by the user as an ISO instant; anything unreadable is passed on so
// that validation reports it.
export const localDateTimeToIso = (value: string): string => {
  if (!value) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

export const blankToUndefined = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

