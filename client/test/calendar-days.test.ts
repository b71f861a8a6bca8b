import { ageInYears, daysUntilEighteen } from '@/features/cases/utils/minor-age';
import { eighteenthBirthday } from '@/features/cases/utils/eighteenth-birthday';
import { intakeDefaults, localToday } from '@/features/intake/utils/intake-form';
import { todayIso as portalToday } from '@/features/portal/utils/portal-format';
import { toLocalDateTimeInput } from '@/lib/form-values';
import { addDays, todayIso as returnToday } from '@/features/return/utils/return-format';
import { endOfDayToIso } from '@/features/tracing/utils/form-values';
import { resetClock, syncClock } from '@/lib/clock';

// "Today" is the calendar day in Italy at the app's clock, never the browser's local day nor the
// UTC one. Every instant is explicit: nothing here depends on the real date or on the zone the
// tests run in.
describe('calendar days in Italy', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    resetClock();
  });

  it.each([
    ['2026-12-31T23:30:00Z', '2027-01-01'], // winter: UTC+1
    ['2026-06-30T22:30:00Z', '2026-07-01'], // summer: UTC+2
    ['2026-06-30T21:30:00Z', '2026-06-30'],
    ['2026-03-28T23:30:00Z', '2026-03-29'], // the night the clocks go forward
  ])('takes today at %s as %s in Rome', (instant, day) => {
    const now = new Date(instant);
    expect(portalToday(now)).toBe(day);
    expect(returnToday(now)).toBe(day);
    expect(localToday(now)).toBe(day);
  });

  it("defaults today to the server's clock, not the browser's", () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-06-01T10:00:00Z'));
    syncClock('2026-12-31T23:30:00Z');
    expect(portalToday()).toBe('2027-01-01');
    expect(returnToday()).toBe('2027-01-01');
    expect(localToday()).toBe('2027-01-01');
    expect(intakeDefaults().requestDate).toBe('2027-01-01');
  });

  it('counts calendar days across the change to summer time (last Sunday of March)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('counts a 29 February birthday on 28 February in a common year, as the server does', () => {
    expect(eighteenthBirthday('2008-02-29')).toBe('2026-02-28');
    expect(ageInYears('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(18);
    expect(daysUntilEighteen('2008-02-29', '2026-02-27')).toBe(1);
    expect(daysUntilEighteen('2008-02-29', '2026-02-28')).toBeNull();
    expect(ageInYears('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageInYears('2008-06-15', '2026-06-15')).toBe(18);
    expect(daysUntilEighteen('2008-06-15', '2026-06-01')).toBe(14);
  });

  it("takes the age on today in Italy at the app's clock", () => {
    // 23:30 UTC on 27 February 2026 is 00:30 on the 28th in Rome: the 18th birthday of someone
    // born on 29 February 2008.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-01-01T12:00:00Z'));
    syncClock('2026-02-27T23:30:00Z');
    expect(ageInYears('2008-02-29')).toBe(18);
    expect(daysUntilEighteen('2008-02-29')).toBeNull();
    expect(ageInYears('2008-03-01')).toBe(17);
    expect(daysUntilEighteen('2008-03-01')).toBe(1);
  });

  it('ends a due date chosen as a day at 23:59 in Rome', () => {
    expect(endOfDayToIso('2027-01-15')).toBe('2027-01-15T22:59:00.000Z');
    expect(endOfDayToIso('2027-07-15')).toBe('2027-07-15T21:59:00.000Z');
    expect(endOfDayToIso('')).toBe('');
    expect(endOfDayToIso('2027-02-30')).toBe('2027-02-30');
  });

  it('keeps datetime-local values in the browser\'s own wall time', () => {
    const instant = new Date(2026, 11, 31, 23, 30); // local 31 Dec 2026, 23:30
    expect(toLocalDateTimeInput(instant)).toBe('2026-12-31T23:30');
  });
});
