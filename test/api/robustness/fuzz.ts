import { randomOf } from '../../../src/cli/seed-portfolio-company.ts';
import { ERROR_MESSAGES } from '../../../src/domain/shared/errors.ts';
import type { TestContext } from '../../support/test-app.ts';
import { type Route, type RouteRequest, routeKey, urlOf } from './routes.ts';

/** Bodies that are JSON but nothing like what any route expects. */
export const GARBAGE_BODIES: readonly unknown[] = [
  null,
  [],
  'x',
  {},
  0,
  true,
  -1,
  'x'.repeat(200_000),
  [[[[[[[[[[[[]]]]]]]]]]]],
  JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`),
  Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`champ${i}`, i])),
  { id: '00000000-0000-0000-0000-000000000000', firmId: 'x', version: -1, status: 'signed' },
];

/** What a single field may be replaced with: wrong types, edges, very long, NUL, absurd numbers. */
export const EXTREME_VALUES: readonly unknown[] = [
  null,
  [],
  {},
  '',
  ' ',
  'x'.repeat(100_000),
  'a\u0000b',
  '\u0000',
  '\ud800',
  '%00',
  "' or 1=1 --",
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  true,
  '2026-02-30',
  '99999-12-31',
  '00000000-0000-0000-0000-000000000000',
];

/** Garbage for a path id. */
export const GARBAGE_IDS: readonly string[] = [
  'x',
  '0',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a'.repeat(5_000),
  "1' or '1'='1",
  '\u0000',
  '../../openapi.json',
  '12345678-1234-1234-1234-1234567890ab\u0000',
];

export const GARBAGE_QUERIES: readonly string[] = [
  'page=-1',
  'page=0',
  'page=1.5',
  `page=${Number.MAX_SAFE_INTEGER}`,
  'page=1e400',
  'pageSize=0',
  'pageSize=1000000',
  'sort=password',
  'direction=sideways',
  'search=%00',
  `search=${'a'.repeat(5_000)}`,
  'search=%25%5F%5C',
  'search=a&search=b',
  'search[]=a',
  'search[$ne]=a',
  'state=ex-client',
  'kind=invoice',
  'status=paid',
  'engagementId=x',
  'responsibleUserId=x',
  'date=2026-02-30',
  'date=99999-01-01',
  'date=%00',
  'includeArchived=maybe',
  'inconnu=1',
  '%zz=%zz',
];

/** Every leaf of a JSON value with its path, so that each one can be replaced in turn. */
const leavesOf = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    return [path, ...entries.flatMap(([key, child]) => leavesOf(child, [...path, key]))];
  }
  return [path];
};

const replaceAt = (value: unknown, path: (string | number)[], replacement: unknown): unknown => {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], rest, replacement) };
};

/** The valid body with one field (or sub-object) replaced by one extreme value, for every pair. */
export const mutationsOf = (body: unknown): unknown[] =>
  body === undefined
    ? []
    : leavesOf(body)
        .filter((path) => path.length > 0)
        .flatMap((path) => EXTREME_VALUES.map((extreme) => replaceAt(body, path, extreme)));

export type FuzzCase = { label: string; url: string; payload?: string; headers?: Record<string, string> };

const KNOWN_CODES = new Set(Object.keys(ERROR_MESSAGES));

/** Sends each case and returns what went wrong: a 5xx, or an error that is not a problem+json of ours. */
export const findFailures = async (
  ctx: TestContext,
  route: Route,
  cases: readonly FuzzCase[],
  headers: Record<string, string>,
): Promise<string[]> => {
  const failures: string[] = [];
  for (const fuzz of cases) {
    const response = await ctx.app.inject({
      method: route.method,
      url: fuzz.url,
      headers: {
        ...headers,
        ...(fuzz.payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...fuzz.headers,
      },
      ...(fuzz.payload === undefined ? {} : { payload: fuzz.payload }),
    });
    const where = `${routeKey(route)} ${fuzz.label}`.slice(0, 300);
    if (response.statusCode >= 500) {
      failures.push(`${where} → ${response.statusCode}`);
      continue;
    }
    if (response.statusCode < 400) continue;
    const type = String(response.headers['content-type'] ?? '');
    const code = type.includes('application/problem+json') ? (response.json() as { code?: string }).code : '';
    if (!code || !KNOWN_CODES.has(code)) failures.push(`${where} → ${response.statusCode} ${type} ${code}`);
  }
  return failures;
};

const short = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…(${text.length})` : text;
};

/** Garbage bodies, then the valid body with each field replaced by each extreme value. */
export const bodyCases = (route: Route, request: RouteRequest): FuzzCase[] => {
  const url = urlOf(route, request);
  return [...GARBAGE_BODIES, ...mutationsOf(request.body)].map((body) => ({
    label: `body ${short(body)}`,
    url,
    payload: JSON.stringify(body),
  }));
};

export const paramCases = (route: Route, request: RouteRequest): FuzzCase[] =>
  route.path.includes('{')
    ? GARBAGE_IDS.map((id) => ({
        label: `id ${short(id)}`,
        url: urlOf(
          route,
          request,
          Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], id])),
        ),
        ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
      }))
    : [];

export const queryCases = (route: Route, request: RouteRequest): FuzzCase[] =>
  GARBAGE_QUERIES.map((query) => ({
    label: `?${short(query)}`,
    url: urlOf(route, { ...request, query }),
    ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
  }));

/** Raw bodies and headers: broken JSON, other media types, absurd idempotency keys. */
export const rawCases = (route: Route, request: RouteRequest): FuzzCase[] => {
  const url = urlOf(route, request);
  const valid = JSON.stringify(request.body ?? {});
  return [
    { label: 'broken JSON', url, payload: '{"name": ' },
    { label: 'JSON with a prototype key', url, payload: '{"__proto__": {"isAdmin": true}}' },
    { label: 'constructor key', url, payload: '{"constructor": {"prototype": {"x": 1}}}' },
    { label: 'text/plain', url, payload: valid, headers: { 'content-type': 'text/plain' } },
    { label: 'xml', url, payload: '<a/>', headers: { 'content-type': 'application/xml' } },
    { label: 'form', url, payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    {
      label: 'latin1 JSON',
      url,
      payload: valid,
      headers: { 'content-type': 'application/json; charset=latin1' },
    },
    { label: 'empty JSON', url, payload: '' },
    { label: 'long key', url, payload: valid, headers: { 'idempotency-key': 'k'.repeat(5_000) } },
    { label: 'NUL key', url, payload: valid, headers: { 'idempotency-key': 'a\u0001b' } },
  ];
};

/** The seed of `npm test`'s sample: fixed, so a failure found there is found again on every run. */
export const FUZZ_SEED = 20_261_207;
export const FUZZ_SAMPLE_RATE = 0.2;

const hashOf = (text: string) =>
  [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16_777_619), 2_166_136_261);

/**
 * `npm test` sends about a fifth of a route's cases, drawn with a fixed seed per route (so adding a
 * route does not redraw the others), and always the first one; `npm run test:slow` sends them all
 * (`LETTRINE_FUZZ=all`).
 */
export const sampleCases = (cases: readonly FuzzCase[], key: string, mode = process.env.LETTRINE_FUZZ) => {
  if (mode === 'all') return [...cases];
  const draw = randomOf(FUZZ_SEED ^ hashOf(key));
  return cases.filter((_, index) => index === 0 || draw() < FUZZ_SAMPLE_RATE);
};
