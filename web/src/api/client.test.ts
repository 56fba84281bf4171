import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiAll, fieldErrors, query } from './client.ts';

describe('the API errors a form shows next to its fields', () => {
  it('names each invalid field by its path in the body, without the body. prefix, in French typography', () => {
    const error = new ApiError(400, {
      code: 'REQUEST.VALIDATION_FAILED',
      detail: 'La requête contient des champs invalides.',
      details: {
        fields: [
          { field: 'body.company.name', message: 'Champ obligatoire : il ne peut pas être vide.' },
          { field: 'body.lines.1.quantity', message: 'Quantité invalide.' },
        ],
      },
    });
    expect(fieldErrors(error)).toEqual({
      'company.name': 'Champ obligatoire\u00a0: il ne peut pas être vide.',
      'lines.1.quantity': 'Quantité invalide.',
    });
  });

  it('places a refusal known by its code next to its field, inside a nested form when asked', () => {
    const error = new ApiError(422, {
      code: 'COMPANY.INVALID_SIREN',
      detail: 'Le SIREN doit comporter 9 chiffres.',
    });
    expect(fieldErrors(error)).toEqual({ siren: 'Le SIREN doit comporter 9 chiffres.' });
    expect(fieldErrors(error, 'company.')).toEqual({
      'company.siren': 'Le SIREN doit comporter 9 chiffres.',
    });
  });

  it('uses details.field when the API names the field itself (a wrong current password)', () => {
    const error = new ApiError(401, {
      code: 'AUTH.INVALID_CREDENTIALS',
      detail: 'Mot de passe incorrect.',
      details: { field: 'currentPassword' },
    });
    expect(fieldErrors(error)).toEqual({ currentPassword: 'Mot de passe incorrect.' });
  });

  it('names no field for anything else', () => {
    expect(fieldErrors(new Error('réseau'))).toEqual({});
    expect(fieldErrors(new ApiError(409, { code: 'EDIT.STALE_VERSION', detail: 'Rechargez.' }))).toEqual({});
  });
});

describe('query strings', () => {
  it('keep the defined values only', () => {
    expect(query({ state: 'client', search: '', page: 2, responsibleUserId: undefined })).toBe(
      '?state=client&page=2',
    );
    expect(query({})).toBe('');
  });
});

describe('every item of a list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('follows the pages of the envelope until the total is read, keeping the list’s own filters', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      const page = Number(new URL(url, 'http://lettrine.test').searchParams.get('page'));
      const items = page === 1 ? Array.from({ length: 200 }, (_, i) => i) : [200, 201];
      return new Response(JSON.stringify({ items, total: 202, page, pageSize: 200 }), {
        headers: { 'content-type': 'application/json' },
      });
    });
    const items = await apiAll<number>('/services?includeArchived=true');
    expect(items).toHaveLength(202);
    expect(items.at(-1)).toBe(201);
    expect(asked).toEqual([
      '/api/v1/services?includeArchived=true&page=1&pageSize=200',
      '/api/v1/services?includeArchived=true&page=2&pageSize=200',
    ]);
  });
  it('reads on past a total that is only a floor (a search that stopped counting)', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      const page = Number(new URL(url, 'http://lettrine.test').searchParams.get('page'));
      const items = page === 1 ? Array.from({ length: 200 }, (_, i) => i) : page === 2 ? [200] : [];
      const body =
        page === 1
          ? { items, total: 200, totalIsExact: false, page, pageSize: 200 }
          : { items, total: 201, page, pageSize: 200 };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
    expect(await apiAll<number>('/engagements?search=ie')).toHaveLength(201);
  });
});

describe('one Idempotency-Key per submission', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** A fetch that fails `failures` times at the network, then answers 201; it records each key. */
  const flakyFetch = (failures: number) => {
    const keys: string[] = [];
    let left = failures;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      keys.push((init.headers as Record<string, string>)['idempotency-key'] ?? '');
      if (left > 0) {
        left -= 1;
        throw new TypeError('Failed to fetch');
      }
      return new Response(JSON.stringify({ id: 'e1' }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    });
    return keys;
  };

  it('a create retried after a network failure is sent again with the same key', async () => {
    vi.useFakeTimers();
    const keys = flakyFetch(1);
    const created = api<{ id: string }>('/engagements', {
      body: { company: { name: 'A' } },
      idempotent: true,
    });
    await vi.runAllTimersAsync();
    await expect(created).resolves.toEqual({ id: 'e1' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('the same submission made again after the retries gave up keeps its key; the next one gets a new key', async () => {
    vi.useFakeTimers();
    const keys = flakyFetch(3);
    const body = { company: { name: 'B' } };
    const failed = api('/engagements', { body, idempotent: true });
    const settled = expect(failed).rejects.toBeInstanceOf(TypeError);
    await vi.runAllTimersAsync();
    await settled;
    await api('/engagements', { body, idempotent: true });
    expect(new Set(keys).size).toBe(1);
    expect(keys).toHaveLength(4);
    // Answered: the submission is over, an identical one is another creation.
    await api('/engagements', { body, idempotent: true });
    expect(keys[4]).not.toBe(keys[0]);
  });

  it('a request that is not a create is never sent twice by the client', async () => {
    const keys = flakyFetch(1);
    await expect(api('/documents/d1', { method: 'PATCH', body: { version: 1 } })).rejects.toBeInstanceOf(
      TypeError,
    );
    expect(keys).toEqual(['']);
  });
});
