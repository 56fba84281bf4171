/** Calendar dates are ISO strings "YYYY-MM-DD"; a firm's day is the day in Paris. */
export type IsoDate = string;

const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Paris at an instant: numbering years and "today" follow the firm's clock. */
export const parisDate = (at: Date): IsoDate => parisDay.format(at);

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

const toUtc = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);
const fromUtc = (date: Date): IsoDate => date.toISOString().slice(0, 10);

export const isIsoDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(toUtc(value).getTime()) &&
  fromUtc(toUtc(value)) === value;

export const addDays = (date: IsoDate, days: number): IsoDate => {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
};

/** Adds months, clamping to the month's last day (31 Jan + 1 month = 28 or 29 Feb). */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return fromUtc(d);
};

/**
 * The first fiscal year end on or after a date, from a company's closing "MM-DD" (e.g. "12-31").
 * A 29 February closing falls back to 28 February in common years; a malformed closing throws
 * rather than producing an impossible date such as "2026-13-01".
 */
export const nextFiscalYearEnd = (from: IsoDate, closing: string): IsoDate => {
  const [month = 0, day = 0] = /^\d{2}-\d{2}$/.test(closing) ? closing.split('-').map(Number) : [];
  if (month < 1 || month > 12 || day < 1 || day > 31)
    throw new RangeError(`invalid fiscal year end: ${closing}`);
  const endOf = (year: number): IsoDate => {
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  };
  const thisYear = endOf(yearOf(from));
  return thisYear >= from ? thisYear : endOf(yearOf(from) + 1);
};
