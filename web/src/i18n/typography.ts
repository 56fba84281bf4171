/**
 * French typography for text written with ordinary spaces (the dictionary, the API's messages): a
 * no-break space before « : » and inside « », a narrow one before « ; ! ? », so a line never starts
 * with a colon or a closing guillemet, as it does on a phone otherwise.
 */
export const frenchSpaces = (text: string): string =>
  text
    .replace(/ :/g, '\u00a0:')
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»');
