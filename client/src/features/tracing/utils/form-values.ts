import { isCalendarDay, romeInstant } from '@app/contracts';

// Conversions between what the inputs hold and what the API takes.

// Optional text fields: an empty box means "not given", not an empty string.
export const blankToUndefined = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

// A due date chosen as a calendar day (in Italy, as its limits are) means "by the end of that
// day" there: 23:59 in Rome. Anything unreadable is passed on so that validation reports it.
export const endOfDayToIso = (value: string): string => (isCalendarDay(value) ? romeInstant(value, 23, 59).toISOString() : value);

// One entry per non-empty line (persons present, typed one per line on a phone).
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
