/** U+00A0: the no-break space French puts before a colon. */
export const NO_BREAK_SPACE = '\u00a0';
/** U+202F: the narrow no-break space before ; ! ? » % € and after «. */
export const NARROW_NO_BREAK_SPACE = '\u202f';

/**
 * French typography for a text a user reads: the plain space before `:` becomes a no-break space,
 * the one before `;`, `!`, `?`, `»`, `%` and `€`, or after `«`, a narrow no-break space, so that a
 * line never breaks between a word and its sign. Only plain spaces are replaced: a text already
 * right stays as it is, and a sign without a space before it (`https://`, `10:30`) is left alone.
 */
export const frenchTypography = (text: string): string =>
  text
    // Thousands typed with plain spaces ("3 000 000 €") and references ("n° 45-2138",
    // "L. 441-10") never break across lines either.
    .replace(/(?<=\d) (?=\d{3}(?!\d))/g, NARROW_NO_BREAK_SPACE)
    .replace(/(?<=(?:^|[\s(])(?:n°|L\.|D\.|R\.|art\.)) (?=\d)/g, NO_BREAK_SPACE)
    .replace(/ (?=:)/g, NO_BREAK_SPACE)
    .replace(/ (?=[;!?»%€])/g, NARROW_NO_BREAK_SPACE)
    .replace(/« /g, `«${NARROW_NO_BREAK_SPACE}`);
