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

/**
 * The Idempotency-Key of each submission still without an answer, by what it sends: a create whose
 * answer was lost (the network failed) is sent again with the same key, by the retries below and by
 * the person submitting the same form again, so the server answers it once (src/http/idempotency.ts).
 * Once the server has answered, the submission is over: the next one, even identical, gets a new key.
 */
const unanswered = new Map<string, string>();

/** How long to wait before each retry of a create whose answer never came. */
export const RETRY_DELAYS_MS = [300, 1_000];

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A failure of the network itself (no answer at all), as fetch reports it; not an abort. */
const isNetworkFailure = (error: unknown) => error instanceof TypeError;

/** One request to the API, with the session cookie; a problem answer is thrown as an ApiError. */
export const api = async <T>(path: string, options: Options = {}): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type || 'application/octet-stream';
  const method = options.method ?? (options.body === undefined && !options.file ? 'GET' : 'POST');
  const body = options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const submission = `${method} ${path} ${typeof body === 'string' ? body : ''}`;
  if (options.idempotent) {
    const key = unanswered.get(submission) ?? crypto.randomUUID();
    unanswered.set(submission, key);
    headers['idempotency-key'] = key;
  }
  const send = async (attempt: number): Promise<Response> => {
    try {
      return await fetch(`${BASE}${path}`, { method, headers, credentials: 'same-origin', body });
    } catch (error) {
      // Only a create carries a key that makes sending it again safe.
      const delay = RETRY_DELAYS_MS[attempt];
      if (!options.idempotent || !isNetworkFailure(error) || delay === undefined) throw error;
      await wait(delay);
      return send(attempt + 1);
    }
  };
  const response = await send(0);
  unanswered.delete(submission);
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
    if (answer.items.length === 0 || (items.length >= answer.total && answer.totalIsExact !== false))
      return items;
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
