import { birthday } from '@app/contracts';

// The 18th birthday of a date of birth (YYYY-MM-DD). A 29 February birthday falls on 28 February
// in a common year, as the server's deadlines count it.
export const eighteenthBirthday = (dateOfBirth: string): string => birthday(dateOfBirth, 18);
