import { ageOn, birthday, daysBetween } from '@app/contracts';
import { appToday } from '@/lib/clock';

// Ages count calendar days in Italy ("today" from the app's clock): a 29 February birthday falls
// on 28 February in other years, as the server and the database count it.
export const ageInYears = (dateOfBirth: string, today: string = appToday()): number => ageOn(dateOfBirth, today);

// Days left until the 18th birthday, or null when the person is already 18.
export const daysUntilEighteen = (dateOfBirth: string, today: string = appToday()): number | null => {
  const days = daysBetween(today, birthday(dateOfBirth, 18));
  return days > 0 ? days : null;
};
