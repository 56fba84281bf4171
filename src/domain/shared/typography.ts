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
    .replace(/« /g, `«${NARROW_NO_BREAK_SPACE}`)
    // Ordinals take a superscript e (« 3ᵉ », never « 3e » nor « 3ème »); « 1er », « 1re » stay.
    .replace(/(?<![\w.,/-])(\d{1,3})(?:e|ème|eme)(?=[\s\u00a0\u202f,.;:)]|$)/g, '$1ᵉ')
    .replace(/(?<![\w.,/-])1ère(?=[\s\u00a0\u202f,.;:)]|$)/g, '1re');

/**
 * A SIREN is read in three groups of three digits (« 732 829 320 »), a SIRET in the same three and
 * the five of the establishment; anything else is returned as it was typed. The spaces are narrow
 * no-break spaces: the number never breaks across lines.
 */
export const groupSiren = (value: string): string => {
  const digits = value.replace(/[\s.]/g, '');
  const groups = /^\d{9}$/.test(digits)
    ? digits.match(/\d{3}/g)
    : /^\d{14}$/.test(digits)
      ? [...(digits.slice(0, 9).match(/\d{3}/g) ?? []), digits.slice(9)]
      : null;
  return groups ? groups.join(NARROW_NO_BREAK_SPACE) : value;
};

/** Every SIREN or SIRET inside a text (« RCS Lyon 812345676 »), grouped. */
export const groupSirensIn = (text: string): string =>
  text.replace(/(?<![\w])\d{9}(?:\d{5})?(?![\w])/g, groupSiren);
