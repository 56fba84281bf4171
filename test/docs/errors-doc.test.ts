import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_MESSAGES, type ErrorCode } from '../../src/domain/shared/errors.ts';
import { ERROR_STATUS } from '../../src/http/error-status.ts';

const REGENERATE = 'docs/errors.md is out of date: run `npx tsx scripts/errors-doc.ts > docs/errors.md`';

type DocRow = { readonly code: string; readonly status: number; readonly message: string };

/** The rows of the table `| code | HTTP status | message |`, header and separator left out. */
const parseErrorsDoc = (markdown: string): DocRow[] =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(code\s*\||-)/.test(line))
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replaceAll('\\|', '|'));
      const [code = '', status = '', message = ''] = cells;
      return { code: code.replaceAll('`', ''), status: Number(status), message };
    });

const rows = parseErrorsDoc(readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8'));
const rowOf = new Map(rows.map((row) => [row.code, row]));

describe('docs/errors.md', () => {
  it('lists each code of the catalogue exactly once, and no other', () => {
    expect(rows.map((row) => row.code).sort(), REGENERATE).toEqual([...ERROR_CODES].sort());
    expect(rowOf.size, `${REGENERATE} (a code appears twice)`).toBe(rows.length);
  });

  it.each(ERROR_CODES)('gives %s the status of ERROR_STATUS and the catalogue message', (code) => {
    expect(rowOf.get(code)?.status, REGENERATE).toBe(ERROR_STATUS[code]);
    expect(rowOf.get(code)?.message, REGENERATE).toBe(ERROR_MESSAGES[code]);
  });
});

describe('the error catalogue', () => {
  it.each(ERROR_CODES)('has a French sentence for %s', (code: ErrorCode) => {
    const message = ERROR_MESSAGES[code];
    expect(message.trim()).not.toBe('');
    expect(message).toMatch(/\.$/);
    expect(message).not.toMatch(/\berror\b/i);
  });

  it('maps every code to an HTTP error status', () => {
    for (const code of ERROR_CODES)
      expect([400, 401, 403, 404, 409, 410, 413, 422, 423, 429, 500, 503]).toContain(ERROR_STATUS[code]);
  });
});
