type CalendarDate = { year: number; month: number; day: number };

const parseIsoDate = (isoDate: string): CalendarDate => {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return { year, month, day };
};

// "Today" is the user's local calendar date; birthdays are calendar dates without a time zone.
const localToday = (now: Date): CalendarDate => ({
  year: now.getFullYear(),
  month: now.getMonth() + 1,
  day: now.getDate(),
});

const toUtcDays = ({ year, month, day }: CalendarDate): number => Date.UTC(year, month - 1, day) / 86_400_000;

export const ageInYears = (dateOfBirth: string, now: Date = new Date()): number => {
  const birth = parseIsoDate(dateOfBirth);
  const today = localToday(now);
  const hadBirthdayThisYear = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
};

// Days left until the 18th birthday, or null when the person is already 18. A 29 February birthday
// falls on 1 March in non-leap years (Date.UTC rolls over).
export const daysUntilEighteen = (dateOfBirth: string, now: Date = new Date()): number | null => {
  const birth = parseIsoDate(dateOfBirth);
  const days = toUtcDays({ ...birth, year: birth.year + 18 }) - toUtcDays(localToday(now));
  return days > 0 ? days : null;
};
