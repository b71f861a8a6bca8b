// Conversions between what the inputs hold and what the API takes.

// Optional text fields: an empty box means "not given", not an empty string.
export const blankToUndefined = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

const pad = (value: number): string => String(value).padStart(2, '0');

// <input type="datetime-local"> works in the user's local time without a zone.
export const toLocalDateTimeInput = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

// <input type="date">: the user's local calendar date.
export const toLocalDateInput = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

// The local date-time typed by the user as an ISO instant; anything unreadable is passed on
// unchanged so that validation reports it.
export const localDateTimeToIso = (value: string): string => {
  if (!value) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

// A due date chosen as a calendar day means "by the end of that day", in the user's time zone.
export const endOfLocalDayToIso = (value: string): string => {
  if (!value) return value;
  const date = new Date(`${value}T23:59:00`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

export const addDays = (date: Date, days: number): Date => {
  const copy = new Date(date);
  copy.setDate(copy.getDate() + days);
  return copy;
};

// One entry per non-empty line (persons present, typed one per line on a phone).
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
