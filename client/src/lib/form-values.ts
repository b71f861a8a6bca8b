// Conversions between what a form's inputs hold and what the API takes.

const pad = (value: number): string => String(value).padStart(2, '0');

// <input type="datetime-local"> works in the user's local time without a zone.
export const toLocalDateTimeInput = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

// The local date-time typed by the user as an ISO instant; anything unreadable is passed on
// unchanged so that validation reports it.
export const localDateTimeToIso = (value: string): string => {
  if (!value) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};
