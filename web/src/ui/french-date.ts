/** A day typed the French way, "31/12/2026" or "1/2/2027", as "2026-12-31"; undefined when no such day. */
export const parseFrenchDay = (text: string): string | undefined => {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31/02 would roll over to 03/03: a day that does not exist is refused, never moved.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Why a typed day is refused: null when it is a real day (or nothing was typed). */
export const frenchDayProblem = (text: string): 'impossible' | 'format' | null => {
  const trimmed = text.trim();
  if (trimmed === '' || parseFrenchDay(trimmed)) return null;
  return /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(trimmed) ? 'impossible' : 'format';
};
