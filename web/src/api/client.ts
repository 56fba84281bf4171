import { frenchSpaces } from '../i18n/typography.ts';
import type { Page, Problem } from './types.ts';

/**
 * An answer of the API that is not a success: its problem body, kept whole for the forms. Its
 * messages are French, written with ordinary spaces: they get French typography here.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(frenchSpaces(problem.detail ?? problem.title ?? problem.code));
    this.status = status;
    this.problem = problem;
  }
}

const BASE = '/api/v1';

/** `file` is sent as the raw body, with its own type (a PDF to verify). */
type Options = { method?: string; body?: unknown; file?: Blob; idempotent?: boolean };

/** One request to the API, with the session cookie; a problem answer is thrown as an ApiError. */
export const api = async <T>(path: string, options: Options = {}): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type || 'application/octet-stream';
  // A create retried after a network failure must not create twice.
  if (options.idempotent) headers['idempotency-key'] = crypto.randomUUID();
  const response = await fetch(`${BASE}${path}`, {
    method: options.method ?? (options.body === undefined && !options.file ? 'GET' : 'POST'),
    headers,
    credentials: 'same-origin',
    body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem: Problem =
      typeof payload === 'object' && payload && 'code' in payload
        ? (payload as Problem)
        : { code: 'SERVER.UNREADABLE', detail: String(payload).slice(0, 200) };
    throw new ApiError(response.status, problem);
  }
  return payload as T;
};

/** The most items a page of the API holds. */
export const MAX_PAGE_SIZE = 200;

/**
 * Every item of a list, page after page: for the short lists a screen shows whole or picks from (the
 * catalogue, the users, the terms versions, a history). Long lists are shown a page at a time.
 */
export const apiAll = async <T>(path: string): Promise<T[]> => {
  const items: T[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 1; ; page += 1) {
    const answer = await api<Page<T>>(`${path}${separator}page=${page}&pageSize=${MAX_PAGE_SIZE}`);
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
};

/** A query string from the defined values only. */
export const query = (params: Record<string, string | number | undefined | null>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

/**
 * Business refusals that are about one field, though the API names it only by its code: the form
 * shows them next to that field (a SIREN with a bad key, an e-mail or a code already taken).
 */
const CODE_FIELDS: Record<string, string> = {
  'COMPANY.INVALID_SIREN': 'siren',
  'USER.EMAIL_TAKEN': 'email',
  'SERVICE.CODE_TAKEN': 'code',
  'FIRM.SIREN_INVALID': 'firm.siren',
  'FIRM.SIREN_TAKEN': 'firm.siren',
};

/**
 * The messages of the fields an API error names, by field path without the `body.` prefix; `prefix`
 * places a field known by its code inside a nested form (`company.` for the company of a new prospect).
 */
export const fieldErrors = (error: unknown, prefix = ''): Record<string, string> => {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const field of error.problem.details?.fields ?? [])
    errors[(field.field ?? field.path ?? '').replace(/^(body|querystring|params)\.?/, '')] ??= frenchSpaces(
      field.message,
    );
  const named = error.problem.details?.field;
  if (typeof named === 'string') errors[named] ??= error.message;
  const byCode = CODE_FIELDS[error.problem.code];
  if (byCode) errors[`${prefix}${byCode}`] ??= error.message;
  return errors;
};
