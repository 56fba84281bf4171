import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiAll, fieldErrors, query } from './client.ts';

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
});
