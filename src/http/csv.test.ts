import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes what French Excel opens whole: BOM, semicolons, CRLF, quotes only where needed', () => {
    const csv = toCsv({
      header: ['Client', 'Honoraires'],
      rows: [
        ['Dupré & Fils', '3300,00'],
        ['Société « A ; B »', 'dit "bon"'],
      ],
    });
    expect(csv).toBe(
      '\uFEFFClient;Honoraires\r\nDupré & Fils;3300,00\r\n"Société « A ; B »";"dit ""bon"""\r\n',
    );
  });
});
