// The unit's calendar: every date a rule reads (a deadline, the 18th birthday, a monitoring visit,
// "today" for "not in the future") is a calendar day in Italy, written YYYY-MM-DD. The server, the
// SPA and the demo seed count days, working days, months and years here, and only here, so a
// rule and the data made to satisfy it can never disagree (docs/testing.md, "Dates").
//
// Months and years clamp to the end of the month, exactly as PostgreSQL's `date + interval`:
// 31 Jan + 1 month = 28 (or 29) Feb, 29 Feb + 1 year = 28 Feb. JavaScript's Date.UTC overflows
// instead (31 Jan + 1 month = 3 Mar), which is why nothing should count months with it.

export const UNIT_TIME_ZONE = 'Europe/Rome';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const romeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: UNIT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function partsInRome(instant: Date): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const parts = romeParts.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') };
}

function parse(day: string): { y: number; m: number; d: number } {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new RangeError(`Not a calendar day: ${day}`);
  return { y, m, d };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const utcDay = (ms: number) => {
  const date = new Date(ms);
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
};
const utcMs = (day: string) => {
  const { y, m, d } = parse(day);
  return Date.UTC(y, m - 1, d);
};

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const isCalendarDay = (value: string): boolean => {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
};

// The calendar day in Italy at `instant`: what "today" means for every rule.
export function romeDay(instant: Date): string {
  const { y, m, d } = partsInRome(instant);
  return format(y, m, d);
}

// Minutes Rome is ahead of UTC at `instant` (60 in winter, 120 in summer).
export function romeOffsetMinutes(instant: Date): number {
  const { y, m, d, h, mi, s } = partsInRome(instant);
  return Math.round((Date.UTC(y, m - 1, d, h, mi, s) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

// The instant at which `day` reaches hh:mm in Rome. A wall time skipped by the spring change
// (02:00–02:59 on the last Sunday of March) is taken one hour later; a repeated one (the autumn
// change) is its first occurrence.
export function romeInstant(day: string, hour = 0, minute = 0): Date {
  const wall = utcMs(day) + (hour * 60 + minute) * 60_000;
  // Rome is UTC+2 in summer and UTC+1 in winter: the earlier candidate that shows this wall time.
  for (const offset of [120, 60]) {
    const candidate = new Date(wall - offset * 60_000);
    if (romeOffsetMinutes(candidate) === offset) return candidate;
  }
  return new Date(wall - 60 * 60_000);
}

// The instant `instant`'s wall time in Rome (hh:mm:ss.mmm) reaches on `day`: "the same time, N
// days later" in the unit's calendar, across a clock change too.
export function onRomeDay(day: string, instant: Date): Date {
  const { h, mi } = partsInRome(instant);
  const secondsAndMs = ((instant.getTime() % 60_000) + 60_000) % 60_000;
  return new Date(romeInstant(day, h, mi).getTime() + secondsAndMs);
}

// `days` calendar days after `instant` at the same wall time in Rome (not days × 24 hours, which
// lands an hour off, and on another day near midnight, across a clock change).
export const addRomeDays = (instant: Date, days: number): Date => onRomeDay(addDays(romeDay(instant), days), instant);

// Midnight in Rome at the start of `day` (never skipped: Italy changes its clocks at 02:00/03:00).
export const romeMidnight = (day: string): Date => romeInstant(day, 0, 0);

export const addDays = (day: string, days: number): string => utcDay(utcMs(day) + days * DAY_MS);

// Calendar months, clamped to the end of the month (PostgreSQL's `date + interval 'n months'`).
export function addMonths(day: string, months: number): string {
  const { y, m, d } = parse(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export const addYears = (day: string, years: number): string => addMonths(day, years * 12);

// Whole days from `from` to `to` (negative when `to` is earlier).
export const daysBetween = (from: string, to: string): number => Math.round((utcMs(to) - utcMs(from)) / DAY_MS);

// 0 = Sunday … 6 = Saturday, of the calendar day itself (not of an instant in some time zone).
export const weekday = (day: string): number => new Date(utcMs(day)).getUTCDay();

export const isWorkingDay = (day: string): boolean => {
  const w = weekday(day);
  return w !== 0 && w !== 6;
};

// `days` working days (Monday to Friday; public holidays are not modelled) after `day`.
export function addWorkingDays(day: string, days: number): string {
  let current = day;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

// The day someone born on `dateOfBirth` turns `years` (29 Feb → 28 Feb, as PostgreSQL counts it).
export const birthday = (dateOfBirth: string, years: number): string => addYears(dateOfBirth, years);

// Completed years of age on `today`.
export function ageOn(dateOfBirth: string, today: string): number {
  const { y } = parse(today);
  const { y: born } = parse(dateOfBirth);
  const years = y - born;
  return birthday(dateOfBirth, years) <= today ? years : years - 1;
}
