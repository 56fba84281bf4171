/**
 * Prints docs/errors.md from the catalogue (src/domain/shared/errors.ts) and the status table
 * (src/http/error-status.ts): `npx tsx scripts/errors-doc.ts > docs/errors.md`.
 * test/docs/errors-doc.test.ts fails when the file falls behind.
 */
import { ERROR_CODES, ERROR_MESSAGES } from '../src/domain/shared/errors.ts';
import { ERROR_STATUS } from '../src/http/error-status.ts';

const cell = (text: string): string => text.replaceAll('|', '\\|');

const lines = [
  '# Error codes',
  '',
  'Every refusal of the API (`/api/v1`) is an `application/problem+json` body whose `code` is one of',
  'the codes below, with the HTTP status and the French message shown to the user. Clients match on',
  'the code, never on the message. This file is generated: do not edit it by hand, run',
  '`npx tsx scripts/errors-doc.ts > docs/errors.md` (a test keeps it equal to the catalogue in',
  '`src/domain/shared/errors.ts` and the status table in `src/http/error-status.ts`).',
  '',
  '| code | HTTP status | message |',
  '|---|---|---|',
  ...ERROR_CODES.map((code) => `| \`${code}\` | ${ERROR_STATUS[code]} | ${cell(ERROR_MESSAGES[code])} |`),
];

process.stdout.write(`${lines.join('\n')}\n`);
