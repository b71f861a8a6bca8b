import {
  addDays,
  addMonths,
  addWorkingDays,
  addYears,
  ageOn,
  birthday,
  daysBetween,
  isCalendarDay,
  onRomeDay,
  romeDay,
  romeInstant,
  romeMidnight,
  romeOffsetMinutes,
  weekday,
} from '@app/contracts';

// The unit's calendar (contracts/src/calendar.ts): the cases that break date code written with
// Date.UTC or toISOString().slice(0, 10), whatever the time zone of the machine running the test.
describe('the unit calendar', () => {
  it('takes "today" in Italy, not in UTC', () => {
    expect(romeDay(new Date('2026-12-31T23:59:00Z'))).toBe('2027-01-01');
    expect(romeDay(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(romeDay(new Date('2027-08-31T22:30:00Z'))).toBe('2027-09-01'); // summer: UTC+2
    expect(romeDay(new Date('2027-08-31T21:59:00Z'))).toBe('2027-08-31');
    expect(romeDay(new Date('2027-02-28T23:30:00Z'))).toBe('2027-03-01');
  });

  it('knows Rome’s offset on both sides of each clock change', () => {
    expect(romeOffsetMinutes(new Date('2027-03-28T00:59:59Z'))).toBe(60);
    expect(romeOffsetMinutes(new Date('2027-03-28T01:00:00Z'))).toBe(120);
    expect(romeOffsetMinutes(new Date('2027-10-31T00:59:59Z'))).toBe(120);
    expect(romeOffsetMinutes(new Date('2027-10-31T01:00:00Z'))).toBe(60);
  });

  it('finds the instant of a wall time in Rome, including the skipped and the repeated hour', () => {
    expect(romeMidnight('2027-01-15').toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(romeMidnight('2027-07-15').toISOString()).toBe('2027-07-14T22:00:00.000Z');
    expect(romeMidnight('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(romeMidnight('2027-03-29').toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(romeInstant('2027-03-28', 2, 30).toISOString()).toBe('2027-03-28T01:30:00.000Z'); // skipped: 03:30 CEST
    expect(romeInstant('2027-03-28', 3, 0).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(romeInstant('2027-10-31', 2, 30).toISOString()).toBe('2027-10-31T00:30:00.000Z'); // repeated: the first
    expect(romeInstant('2027-10-31', 3, 0).toISOString()).toBe('2027-10-31T02:00:00.000Z');
  });

  it('keeps the wall time when moving an instant to another day across a clock change', () => {
    // 23:30 in Rome on Saturday 27 March 2027 (UTC+1) → 23:30 on Monday 29 March (UTC+2).
    const late = new Date('2027-03-27T22:30:15.250Z');
    expect(onRomeDay('2027-03-29', late).toISOString()).toBe('2027-03-29T21:30:15.250Z');
    expect(romeDay(onRomeDay('2027-03-29', late))).toBe('2027-03-29');
    const early = new Date('2027-10-30T22:30:00Z'); // 00:30 on 31 October, still UTC+2
    expect(romeDay(onRomeDay('2027-11-02', early))).toBe('2027-11-02');
  });

  it('counts months and years as PostgreSQL does: clamped to the end of the month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 13)).toBe('2028-01-15');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', -18)).toBe('2010-02-28');
    expect(birthday('2010-02-28', 18)).toBe('2028-02-28');
  });

  it('counts days and working days on calendar days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(daysBetween('2026-12-31', '2028-02-29')).toBe(425);
    expect(daysBetween('2027-10-31', '2027-10-30')).toBe(-1);
    expect(weekday('2027-03-28')).toBe(0);
    expect(addWorkingDays('2027-03-26', 1)).toBe('2027-03-29'); // Friday → Monday
    expect(addWorkingDays('2027-03-27', 1)).toBe('2027-03-29'); // Saturday → Monday
    expect(addWorkingDays('2026-12-31', 5)).toBe('2027-01-07');
  });

  it('gives the age in completed years, a 29 February birthday counted on 28 February', () => {
    expect(ageOn('2010-02-28', '2028-02-27')).toBe(17);
    expect(ageOn('2010-02-28', '2028-02-28')).toBe(18);
    expect(ageOn('2012-02-29', '2030-02-28')).toBe(18);
    expect(ageOn('2012-02-29', '2030-02-27')).toBe(17);
  });

  it('refuses what is not a calendar day', () => {
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(() => addDays('2027-13-01', 1)).toThrow(RangeError);
  });
});
