export { formatDateTime, formatFileSize, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '@/lib/format';

const pad = (value: number): string => String(value).padStart(2, '0');

// Today as YYYY-MM-DD in the user's time zone (the default of date fields, and their maximum).
export const todayIso = (now: Date = new Date()): string => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

// <input type="datetime-local"> works in local time without a zone.
export const toLocalDateTimeInput = (date: Date): string => `${todayIso(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

// The local date-time typed by the user as an ISO instant; anything unreadable is passed on so
// that validation reports it.
export const localDateTimeToIso = (value: string): string => {
  if (!value) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

export const blankToUndefined = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

