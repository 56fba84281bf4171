/**
 * The Content-Disposition header of a download (RFC 6266), its name given twice: `filename*` in
 * UTF-8, percent-encoded (RFC 8187, formerly 5987), which every current browser reads, so
 * « LM-2026-0001-signé.pdf » keeps its accent; and `filename`, plain ASCII in quotes, for an older
 * client: the accents dropped (« signe »), any other character or quote replaced by « _ ».
 */

/** RFC 8187 attr-char: what stays as it is; every other UTF-8 byte is written %XX. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

const encodeExtValue = (name: string): string =>
  [...Buffer.from(name, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return byte < 0x80 && ATTR_CHAR.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

const asciiFallback = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');

export const contentDisposition = (type: 'inline' | 'attachment', fileName: string): string => {
  const fallback = asciiFallback(fileName);
  return fallback === fileName
    ? `${type}; filename="${fileName}"`
    : `${type}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
};
