import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

export type CsvFile = {
  /** ASCII only: it goes into the Content-Disposition header as it is. */
  fileName: string;
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
};

/** The CSV text as French spreadsheets open it whole. */
export const toCsv = ({ header, rows }: Pick<CsvFile, 'header' | 'rows'>): string =>
  stringify([[...header], ...rows.map((row) => [...row])], {
    // The comma is the French decimal separator, so Excel in French splits on semicolons; the BOM
    // makes it read UTF-8 (accents); CRLF is what it writes itself.
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
  });

/** Every CSV route answers through here: the same dialect, downloaded as a file. */
export const sendCsv = (reply: FastifyReply, file: CsvFile) =>
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(toCsv(file));
