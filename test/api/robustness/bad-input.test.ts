import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../src/domain/shared/errors.ts';
import { frenchTypography } from '../../../src/domain/shared/typography.ts';
import { aSiren, expectProblem, nextSiren } from '../../builders/through-api.ts';
import { apiAs } from '../../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../../support/test-app.ts';
import { databaseKind } from '../../support/test-database.ts';
import { type AllFirmData, aFirmWithAllData } from './firm-data.ts';

/** 732 829 320 is valid; changing its last digit breaks the Luhn key. */
const BAD_SIREN = '732829321';

describe(`bad input through the API (${databaseKind})`, () => {
  let ctx: TestContext;
  let data: AllFirmData;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-03-02T09:00:00Z' });
    data = await aFirmWithAllData(ctx, 'Cabinet Mercier');
  });
  afterAll(() => ctx.close());

  const collab = () => data.collab;

  describe('companies', () => {
    it('COMPANY.INVALID_SIREN: a SIREN whose check digit is wrong is refused (create, engagement, patch)', async () => {
      expectProblem(
        await collab().post('/companies', { name: 'X', siren: BAD_SIREN }),
        422,
        'COMPANY.INVALID_SIREN',
      );
      expectProblem(
        await collab().post('/companies', { name: 'X', siren: '12345' }),
        422,
        'COMPANY.INVALID_SIREN',
      );
      expectProblem(
        await collab().post('/engagements', { company: { name: 'X', siren: BAD_SIREN } }),
        422,
        'COMPANY.INVALID_SIREN',
      );
      const company = (await collab().get(`/companies/${data.prospect.companyId}`)).body.company;
      expectProblem(
        await collab().patch(`/companies/${company.id}`, { version: company.version, siren: BAD_SIREN }),
        422,
        'COMPANY.INVALID_SIREN',
      );
    });

    it('accepts a SIREN typed with spaces and keeps it without them', async () => {
      const siren = nextSiren();
      const spaced = `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`;
      const res = await collab().post('/companies', { name: 'Pharmacie Lemoine', siren: spaced });
      expect(res.status).toBe(201);
      expect(res.body.siren).toBe(siren);
    });

    it('COMPANY.SIREN_TAKEN: a SIREN appears once per firm (create, engagement, patch), in any spelling', async () => {
      const siren = nextSiren();
      expect((await collab().post('/companies', { name: 'Premier', siren })).status).toBe(201);
      expectProblem(await collab().post('/companies', { name: 'Second', siren }), 409, 'COMPANY.SIREN_TAKEN');
      expectProblem(
        await collab().post('/companies', {
          name: 'Second',
          siren: `${siren.slice(0, 3)} ${siren.slice(3)}`,
        }),
        409,
        'COMPANY.SIREN_TAKEN',
      );
      expectProblem(
        await collab().post('/engagements', { company: { name: 'Second', siren } }),
        409,
        'COMPANY.SIREN_TAKEN',
      );
      const other = (await collab().post('/companies', { name: 'Autre', siren: nextSiren() })).body;
      expectProblem(
        await collab().patch(`/companies/${other.id}`, { version: other.version, siren }),
        409,
        'COMPANY.SIREN_TAKEN',
      );
    });

    it('the same SIREN is allowed in another firm', async () => {
      const siren = nextSiren();
      expect((await collab().post('/companies', { name: 'Chez nous', siren })).status).toBe(201);
      const otherFirm = await aFirmWithUsers(ctx, 'Cabinet Voisin');
      const res = await apiAs(ctx, otherFirm.users.collaborateur.headers).post('/companies', {
        name: 'Chez le voisin',
        siren,
      });
      expect(res.status).toBe(201);
    });

    it('COMPANY.SIREN_REQUIRED unless the client is a private person', async () => {
      expectProblem(await collab().post('/companies', { name: 'Sans SIREN' }), 422, 'COMPANY.SIREN_REQUIRED');
      expect((await collab().post('/companies', { name: 'Madame Roux', isIndividual: true })).status).toBe(
        201,
      );
    });
  });

  describe('document lines', () => {
    const withQuantity = (quantity: unknown) => ({
      engagementId: data.prospect.id,
      kind: 'proposal',
      lines: [{ serviceId: data.services.bookkeeping.id, quantity }],
    });

    it.each([
      ['negative', -1],
      ['zero', 0],
      ['zero as text', '0'],
      ['absurd', 1e9],
      ['above 100 000', 100_001],
      ['too precise', '1.0001'],
      ['too precise number', 0.0001],
      ['not a number', 'beaucoup'],
      ['exponent', '1e3'],
      ['infinite', 'Infinity'],
      ['empty', ''],
      ['null', null],
    ])('REQUEST.VALIDATION_FAILED for a %s quantity', async (_label, quantity) => {
      const res = await collab().post('/documents', withQuantity(quantity));
      expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain('body.lines.0.quantity');
    });

    it.each([
      ['a decimal comma', '1,5', '1.5'],
      ['three decimals', '2.125', '2.125'],
      ['a number', 7, '7'],
    ])('accepts a quantity with %s', async (_label, quantity, stored) => {
      const res = await collab().post('/documents', withQuantity(quantity));
      expect(res.status).toBe(201);
      expect(res.body.lines[0].quantity).toBe(stored);
    });

    it.each([
      ['negative', -1],
      ['fractional', 10.5],
      ['absurd', 1e12],
      ['text', '100'],
    ])('REQUEST.VALIDATION_FAILED for a %s unit price', async (_label, unitPriceCents) => {
      const res = await collab().post('/documents', {
        engagementId: data.prospect.id,
        kind: 'proposal',
        lines: [{ label: 'Ligne libre', quantity: 1, unitPriceCents }],
      });
      expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    });

    it('SERVICE.NOT_FOUND (404) for a service that does not exist', async () => {
      const res = await collab().post('/documents', {
        engagementId: data.prospect.id,
        kind: 'proposal',
        lines: [{ serviceId: crypto.randomUUID(), quantity: 1 }],
      });
      expectProblem(res, 404, 'SERVICE.NOT_FOUND');
    });

    it('DOCUMENT.LINE_NOT_ALLOWED for a free line without label or price', async () => {
      const res = await collab().post('/documents', {
        engagementId: data.prospect.id,
        kind: 'proposal',
        lines: [{ quantity: 1 }],
      });
      expectProblem(res, 422, 'DOCUMENT.LINE_NOT_ALLOWED');
    });

    it('R-A2 ENGAGEMENT.DOCUMENT_KIND_NOT_ALLOWED for an amendment, replacement or work order on a prospect', async () => {
      for (const kind of ['amendment', 'replacement_letter', 'work_order']) {
        const res = await collab().post('/documents', { engagementId: data.prospect.id, kind, lines: [] });
        expectProblem(res, 422, 'ENGAGEMENT.DOCUMENT_KIND_NOT_ALLOWED');
      }
    });

    it('REQUEST.VALIDATION_FAILED for an unknown document kind', async () => {
      const res = await collab().post('/documents', { engagementId: data.prospect.id, kind: 'invoice' });
      expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    });

    it('DOCUMENT.EMPTY when sending a document without lines, which stays a draft without a number', async () => {
      const empty = await collab().post('/documents', { engagementId: data.prospect.id, kind: 'proposal' });
      expect(empty.status).toBe(201);
      expectProblem(await collab().post(`/documents/${empty.body.id}/send`), 422, 'DOCUMENT.EMPTY');
      const after = (await collab().get(`/documents/${empty.body.id}`)).body.document;
      expect(after).toMatchObject({ status: 'draft', number: null, version: empty.body.version });
    });
  });

  describe('the shape of requests', () => {
    it('REQUEST.MALFORMED_BODY for malformed JSON', async () => {
      for (const payload of ['{"name": ', '{name: "x"}', "{'name': 'x'}", '{"a":1,}']) {
        const res = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/companies',
          headers: { ...data.firm.users.collaborateur.headers, 'content-type': 'application/json' },
          payload,
        });
        expect(res.statusCode, payload).toBe(400);
        expect(res.json().code, payload).toBe('REQUEST.MALFORMED_BODY');
      }
    });

    it('REQUEST.MALFORMED_BODY for a key written twice in one object, naming it; nothing is created', async () => {
      const post = (payload: string) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/v1/documents',
          headers: { ...data.firm.users.collaborateur.headers, 'content-type': 'application/json' },
          payload,
        });
      const engagementId = data.prospect.id;
      const before = (await collab().get(`/documents?engagementId=${engagementId}`)).body.total;
      const twoKinds = await post(
        `{"engagementId":"${engagementId}","kind":"work_order","kind":"proposal","lines":[]}`,
      );
      expect(twoKinds.statusCode).toBe(400);
      expect(twoKinds.json()).toMatchObject({
        code: 'REQUEST.MALFORMED_BODY',
        details: { duplicateKeys: ['kind'] },
      });
      const twoPrices = await post(
        `{"engagementId":"${engagementId}","kind":"proposal","lines":[{"label":"Conseil","unitPriceCents":100,"unitPriceCents":1,"quantity":"1"}]}`,
      );
      expect(twoPrices.json()).toMatchObject({ details: { duplicateKeys: ['lines.0.unitPriceCents'] } });
      expect((await collab().get(`/documents?engagementId=${engagementId}`)).body.total).toBe(before);
    });

    it('REQUEST.MALFORMED_BODY for a body that is not JSON (form, XML)', async () => {
      for (const type of ['application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data']) {
        const res = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/companies',
          headers: { ...data.firm.users.collaborateur.headers, 'content-type': type },
          payload: JSON.stringify({ name: 'Madame Roux', isIndividual: true }),
        });
        expect({ type, status: res.statusCode, code: res.json().code }).toEqual({
          type,
          status: 400,
          code: 'REQUEST.MALFORMED_BODY',
        });
      }
    });

    it('a JSON body sent as text/plain is read as text, and refused as REQUEST.VALIDATION_FAILED', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/companies',
        headers: { ...data.firm.users.collaborateur.headers, 'content-type': 'text/plain' },
        payload: JSON.stringify({ name: 'Madame Roux', isIndividual: true }),
      });
      expect({ status: res.statusCode, code: res.json().code }).toEqual({
        status: 400,
        code: 'REQUEST.VALIDATION_FAILED',
      });
    });

    it('REQUEST.VALIDATION_FAILED names each unknown field (strict schemas)', async () => {
      const cases: [string, unknown][] = [
        ['/companies', { name: 'X', isIndividual: true, isAdmin: true }],
        ['/engagements', { company: { name: 'X', isIndividual: true }, state: 'client' }],
        ['/engagements', { company: { name: 'X', isIndividual: true, firmId: data.firm.firmId } }],
        ['/documents', { engagementId: data.prospect.id, kind: 'proposal', status: 'signed' }],
        [
          '/documents',
          {
            engagementId: data.prospect.id,
            kind: 'proposal',
            lines: [{ label: 'X', quantity: 1, total: 1 }],
          },
        ],
        [`/documents/${data.sentProposal.id}/signatures`, { side: 'client', approved: true }],
        [`/engagements/${data.prospect.id}/convert`, { reason: 'x', clientCode: 'CLI99999' }],
      ];
      for (const [url, body] of cases) {
        const res = await collab().post(url, body);
        expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
      }
      const draft = (await collab().get(`/documents/${data.draft.id}`)).body.document;
      expectProblem(
        await collab().patch(`/documents/${draft.id}`, { version: draft.version, number: 'OS-2026-9999' }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
    });

    it('REQUEST.VALIDATION_FAILED for a bad UUID in the path', async () => {
      for (const url of [
        '/engagements/123',
        '/documents/not-a-uuid',
        '/companies/%27%20or%201=1',
        '/documents/x/history',
      ]) {
        const res = await collab().get(url);
        expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
        expect(JSON.stringify(res.body.details), url).toContain('params.id');
      }
      expectProblem(await collab().post('/documents/123/send'), 400, 'REQUEST.VALIDATION_FAILED');
    });

    it('REQUEST.ROUTE_NOT_FOUND for an unknown route or method', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/invoices'],
        ['GET', '/api/v2/engagements'],
        ['DELETE', `/api/v1/engagements/${data.prospect.id}`],
        ['PUT', `/api/v1/documents/${data.draft.id}`],
        ['POST', `/api/v1/documents/${data.draft.id}/sign`],
      ] as const) {
        const res = await ctx.app.inject({ method, url, headers: data.firm.users.associe.headers });
        expect({ url, status: res.statusCode, code: res.json().code }).toEqual({
          url,
          status: 404,
          code: 'REQUEST.ROUTE_NOT_FOUND',
        });
        expect(String(res.headers['content-type'])).toContain('application/problem+json');
      }
    });

    it('REQUEST.PAYLOAD_TOO_LARGE beyond the body limit', async () => {
      const res = await collab().post('/companies', { name: 'X', activity: 'x'.repeat(9 * 1024 * 1024) });
      expectProblem(res, 413, 'REQUEST.PAYLOAD_TOO_LARGE');
    });

    it('every error is application/problem+json with its code, status, a short French title and the catalogue’s message', async () => {
      const responses = [
        await collab().post('/companies', { name: 'X', siren: BAD_SIREN }),
        await collab().get('/engagements/123'),
        await collab().get(`/engagements/${crypto.randomUUID()}`),
        await apiAs(ctx).get('/engagements'),
        await apiAs(ctx, data.firm.users.lecture.headers).post('/companies', {
          name: 'X',
          isIndividual: true,
        }),
        await collab().get('/nowhere'),
      ];
      const TITLES: Record<number, string> = {
        400: 'Requête invalide',
        401: 'Authentification requise',
        403: 'Action non autorisée',
        404: 'Introuvable',
        422: 'Refusé par une règle métier',
      };
      for (const res of responses) {
        expect(String(res.headers['content-type'])).toContain('application/problem+json');
        const code = res.body.code as keyof typeof ERROR_MESSAGES;
        expect(res.body).toMatchObject({
          status: res.status,
          code,
          detail: frenchTypography(ERROR_MESSAGES[code]),
        });
        expect(res.body.title).toBe(TITLES[res.status]);
      }
    });
  });

  describe('regressions: values the database refuses are 400, not 500', () => {
    it('a NUL character in a text (company name, title, reason) is REQUEST.VALIDATION_FAILED, not a 500', async () => {
      expectProblem(
        await collab().post('/companies', { name: 'Boulangerie\u0000', isIndividual: true }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      const engagement = (await collab().get(`/engagements/${data.client.engagement.id}`)).body.engagement;
      expectProblem(
        await collab().patch(`/engagements/${engagement.id}`, {
          version: engagement.version,
          title: 'a\u0000b',
        }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expect((await collab().get(`/engagements/${engagement.id}`)).body.engagement.version).toBe(
        engagement.version,
      );
    });

    it('a lone surrogate that would reach the JSON history is REQUEST.VALIDATION_FAILED, not a 500', async () => {
      const res = await collab().post('/engagements', { company: { name: '\ud800', isIndividual: true } });
      expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    });

    it('a NUL character in a search is REQUEST.VALIDATION_FAILED, not a 500', async () => {
      for (const list of ['/engagements', '/companies', '/documents']) {
        expectProblem(await collab().get(`${list}?search=%00`), 400, 'REQUEST.VALIDATION_FAILED');
      }
    });

    it('a version beyond the integer range is refused, not a 500', async () => {
      const company = (await collab().get(`/companies/${data.client.engagement.companyId}`)).body.company;
      for (const version of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
        const res = await collab().patch(`/companies/${company.id}`, { version, activity: 'Garage' });
        expect([400, 409], JSON.stringify(res.body)).toContain(res.status);
      }
    });

    it('an id longer than the router accepts, or a bad %-escape, is a problem+json REQUEST.VALIDATION_FAILED', async () => {
      for (const id of ['a'.repeat(500), '%E0%A4%A']) {
        const res = await collab().get(`/engagements/${id}`);
        expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
      }
    });
  });

  it('the fixtures SIRENs are valid (Luhn)', () => {
    expect(aSiren(73_282_932)).toBe('732829320');
  });
});
