import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/** Real PDF checks with poppler-utils (pdftotext, pdfinfo, pdftoppm), as a reader's tools see the file. */

const run = (command: string, args: string[], input?: Uint8Array): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    if (input) child.stdin?.end(Buffer.from(input));
  });

/** The text of the PDF in reading order, exactly as pdftotext extracts it (no-break spaces kept). */
export const pdfText = async (pdf: Uint8Array): Promise<string> =>
  (await run('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], pdf)).toString('utf8');

/** The same text with every kind of space made plain and runs of spaces collapsed, for phrase checks. */
export const plainText = (text: string): string =>
  text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');

/** The text without the layout, for phrases that may wrap at the end of a line. */
export const flowingText = async (pdf: Uint8Array): Promise<string> =>
  plainText((await run('pdftotext', ['-enc', 'UTF-8', '-', '-'], pdf)).toString('utf8')).replace(/\s+/g, ' ');

/**
 * The text in the order it is drawn (pdftotext -raw): a diagonal watermark reads whole, where the
 * other modes cut its letters in pieces and place them among the page's lines.
 */
export const drawnText = async (pdf: Uint8Array): Promise<string> =>
  (await run('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], pdf)).toString('utf8');

export const pdfInfo = async (pdf: Uint8Array): Promise<Record<string, string>> => {
  const out = (await run('pdfinfo', ['-'], pdf)).toString('utf8');
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
};

/** Renders every page to PNG with pdftoppm: the sizes of the images it produced, one per page. */
export const renderPages = async (pdf: Uint8Array): Promise<number[]> => {
  const dir = await mkdtemp(join(tmpdir(), 'lettrine-pages-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    await run('pdftoppm', ['-r', '40', '-png', file, join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort();
    return Promise.all(pages.map(async (name) => (await stat(join(dir, name))).size));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** The decompressed streams (page contents, fonts' ToUnicode maps): what the drawing operators say. */
export const contentStreams = (pdf: Uint8Array): string => {
  const source = Buffer.from(pdf);
  const streams: string[] = [];
  for (const match of source.toString('latin1').matchAll(/(?<!end)stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const body = source.subarray(start, end);
    try {
      streams.push(inflateSync(body).toString('latin1'));
    } catch {
      streams.push(body.toString('latin1'));
    }
  }
  return streams.join('\n');
};
