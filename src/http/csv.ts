import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from './content-disposition.ts';

export type CsvFile = {
  /** Its download name (Content-Disposition, RFC 6266). */
  fileName: string;
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
};

/** A cell a spreadsheet would run as a formula starts with one of these (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** An amount or a count, negative ones included ("-12,50", "-1 236,00"): data, not a formula. */
const PLAIN_NUMBER = /^-?\d[\d\s\u00a0\u202f]*([.,]\d+)?$/;

/**
 * A text a client or a user typed (a company name, a reason) may start with `=`, `+`, `-`, `@`, a
 * tab or a carriage return: Excel and LibreOffice would run it as a formula when the file is opened
 * (`=HYPERLINK(…)` sending data away). Such a cell is written with a leading apostrophe, which the
 * spreadsheet shows as text; numbers and plain amounts are left as they are.
 */
export const neutralizeFormula = (cell: unknown): unknown =>
  typeof cell === 'string' && FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;

/**
 * The dialect French spreadsheets open whole: the comma is the French decimal separator, so Excel
 * in French splits on semicolons; CRLF is what it writes itself. The file starts with a BOM, which
 * makes it read UTF-8 (accents).
 */
const CSV_OPTIONS = { delimiter: ';', record_delimiter: 'windows' } as const;

/** The CSV text as French spreadsheets open it whole, with no cell a spreadsheet would run. */
export const toCsv = ({ header, rows }: Pick<CsvFile, 'header' | 'rows'>): string =>
  stringify([[...header], ...rows.map((row) => row.map(neutralizeFormula))], { ...CSV_OPTIONS, bom: true });

/** Every CSV route answers through here: the same dialect, downloaded as a file. */
export const sendCsv = (reply: FastifyReply, file: CsvFile) =>
  sendCsvStream(reply, { fileName: file.fileName, header: file.header, batches: [file.rows] });

/**
 * A CSV too large to build whole (a firm's schedule: 120 000 rows for 10 000 clients over a year):
 * the same dialect as sendCsv, written batch by batch as the use case produces them.
 */
export const sendCsvStream = (
  reply: FastifyReply,
  file: Omit<CsvFile, 'rows'> & { batches: Iterable<readonly (readonly unknown[])[]> },
) => {
  function* chunks() {
    yield stringify([[...file.header]], { ...CSV_OPTIONS, bom: true });
    for (const rows of file.batches)
      if (rows.length > 0)
        yield stringify(
          rows.map((row) => row.map(neutralizeFormula)),
          CSV_OPTIONS,
        );
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition('attachment', file.fileName))
    .send(Readable.from(chunks()));
};
