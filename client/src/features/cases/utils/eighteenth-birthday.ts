// The 18th birthday of a date of birth (YYYY-MM-DD). A 29 February birthday falls on 28 February
// in a common year, as the server's deadlines count it.
export const eighteenthBirthday = (dateOfBirth: string): string => {
  const [year = 0, month = 1, day = 1] = dateOfBirth.split('-').map(Number);
  const target = year + 18;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  const safeDay = month === 2 && day === 29 && !leap ? 28 : day;
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(safeDay).padStart(2, '0')}`;
};
