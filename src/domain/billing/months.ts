import type { IsoDate } from '../shared/dates.ts';

/** A billing month, "YYYY-MM". */
export type Month = string;

export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

export const monthOf = (date: IsoDate): Month => date.slice(0, 7);

export const firstDayOf = (month: Month): IsoDate => `${month}-01`;

/** Months since year 0: the distance between two months is a subtraction. */
export const monthNumber = (month: Month): number =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

export const monthFromNumber = (n: number): Month =>
  `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;

export const addToMonth = (month: Month, months: number): Month =>
  monthFromNumber(monthNumber(month) + months);

/** Every month from `from` to `to`, both included. */
export const monthsBetween = (from: Month, to: Month): Month[] => {
  const months: Month[] = [];
  for (let n = monthNumber(from); n <= monthNumber(to); n += 1) months.push(monthFromNumber(n));
  return months;
};
