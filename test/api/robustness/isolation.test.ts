import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProspect, aSentLetter, expectProblem } from '../../builders/through-api.ts';
import { apiAs } from '../../support/api-client.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { databaseKind } from '../../support/test-database.ts';
import { type AllFirmData, aFirmWithAllData, allIdsOf } from './firm-data.ts';
import {
  documentedRoutes,
  hasId,
  isPublic,
  paramsOf,
  paramsOfRequest,
  type Route,
  registeredRoutes,
  routeKey,
  sendRoute,
  snapshotOf,
  validRequests,
} from './routes.ts';

/**
 * The firm is the tenant: another firm's ids answer RESOURCE.NOT_FOUND, exactly as a missing id,
 * on every route that takes an id, and no list, filter or body ever links two firms.
 */
describe(`firm isolation through the API (${databaseKind})`, () => {
  let ctx: TestContext;
  let a: AllFirmData;
  let b: AllFirmData;
  let routes: Route[];

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-03-02T09:00:00Z' });
    a = await aFirmWithAllData(ctx, 'Cabinet Arnaud');
    b = await aFirmWithAllData(ctx, 'Cabinet Bernard');
    routes = await documentedRoutes(ctx);
  });
  afterAll(() => ctx.close());

  const asB = () => b.firm.users.associe.headers;
  /**
   * Routes that take an id of the firm. A public route's {token} is the signer's personal link, a
   * bearer secret valid whoever holds it: it is no firm's id (a random one is tested below).
   */
  const firmScoped = (route: Route) => hasId(route) && !isPublic(route);
  /** Path parameters that are a choice, the same in every firm, not an id: never swapped. */
  const NOT_IDS = ['side'];

  it('documents every route Fastify serves under /api/v1 in the OpenAPI document', () => {
    const documented = new Set(routes.map(routeKey));
    const registered = registeredRoutes(ctx).map(routeKey);
    expect(registered.filter((key) => !documented.has(key))).toEqual([]);
    expect(new Set(registered)).toEqual(documented);
  });

  it('knows a valid request for every route of the API (add new routes to validRequests)', () => {
    const known = validRequests(a);
    expect(routes.map(routeKey).filter((key) => !(key in known))).toEqual([]);
    expect(routes.filter(hasId).length).toBeGreaterThanOrEqual(15);
  });

  it('answers RESOURCE.NOT_FOUND on every route with an id when the id belongs to another firm, and changes nothing', async () => {
    const requestsOfA = validRequests(a);
    const requestsOfB = validRequests(b);
    const before = await snapshotOf(ctx, routes, requestsOfA, a.firm.users.associe.headers);
    const leaks: string[] = [];
    for (const route of routes.filter(firmScoped)) {
      const key = routeKey(route);
      const paramsOfA = paramsOfRequest(requestsOfA[key] ?? {});
      const paramsOfB = paramsOfRequest(requestsOfB[key] ?? {});
      expect(Object.keys(paramsOfA).sort(), `${key}: the ids of firm A`).toEqual(paramsOf(route).sort());
      // All of firm A's ids, then firm B's own ids with one of them swapped for firm A's.
      const attempts = [paramsOfA];
      if (paramsOf(route).length > 1) {
        for (const name of paramsOf(route).filter((param) => !NOT_IDS.includes(param)))
          attempts.push({ ...paramsOfB, [name]: paramsOfA[name] as string });
      }
      for (const params of attempts) {
        const res = await sendRoute(ctx, route, requestsOfB[key] ?? {}, asB(), params);
        if (res.status !== 404 || res.body?.code !== 'RESOURCE.NOT_FOUND') {
          leaks.push(`${key} ${JSON.stringify(params)} → ${res.status} ${res.body?.code ?? ''}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshotOf(ctx, routes, requestsOfA, a.firm.users.associe.headers)).toEqual(before);
  });

  it('a signing link is not a firm’s id: a random token answers SIGNING.LINK_INVALID on every public route that takes one', async () => {
    const requestsOfA = validRequests(a);
    const before = await snapshotOf(ctx, routes, requestsOfA, a.firm.users.associe.headers);
    const tokenRoutes = routes.filter((r) => isPublic(r) && hasId(r));
    expect(tokenRoutes.map(routeKey)).toEqual([
      'GET /public/signing/{token}',
      'GET /public/signing/{token}/pdf',
      'GET /public/signing/{token}/signed-copy',
      'POST /public/signing/{token}/code',
      'POST /public/signing/{token}/code/verify',
      'POST /public/signing/{token}/sign',
      'POST /public/signing/{token}/refuse',
    ]);
    const answers: Record<string, unknown>[] = [];
    for (const route of tokenRoutes) {
      const key = routeKey(route);
      expect(Object.keys(paramsOfRequest(requestsOfA[key] ?? {})), key).toEqual(['token']);
      const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
      // Firm B's session changes nothing: the link alone speaks for the signer.
      for (const headers of [{}, asB()]) {
        const res = await sendRoute(ctx, route, requestsOfA[key] ?? {}, headers, { token });
        expectProblem(res, 404, 'SIGNING.LINK_INVALID');
        answers.push({ ...res.body, instance: null });
      }
    }
    // The same neutral answer everywhere: a guessed link learns nothing.
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await snapshotOf(ctx, routes, requestsOfA, a.firm.users.associe.headers)).toEqual(before);
  });

  it('the same requests on the firm’s own ids are understood (so the 404 above is not a 400 in disguise)', async () => {
    const requestsOfB = validRequests(b);
    const answers: string[] = [];
    // The public routes too, with firm B's own signing link: its token is real, its bodies valid.
    for (const route of routes.filter(hasId)) {
      const res = await sendRoute(ctx, route, requestsOfB[routeKey(route)] ?? {}, asB());
      if ([400, 404].includes(res.status) || res.status >= 500) {
        answers.push(
          `${routeKey(route)} → ${res.status} ${res.body?.code} ${JSON.stringify(res.body?.details ?? {})}`,
        );
      }
    }
    expect(answers).toEqual([]);
  });

  it('answers the same 404 for a random id as for another firm’s id', async () => {
    const route = routes.find((r) => routeKey(r) === 'GET /engagements/{id}') as Route;
    const missing = await sendRoute(ctx, route, {}, asB(), { id: crypto.randomUUID() });
    const foreign = await sendRoute(ctx, route, {}, asB(), { id: a.prospect.id });
    expectProblem(missing, 404, 'RESOURCE.NOT_FOUND');
    expect({ ...foreign.body, instance: null }).toEqual({ ...missing.body, instance: null });
  });

  it('no list shows a row of the other firm', async () => {
    const requestsOfB = validRequests(b);
    const idsOfA = allIdsOf(a);
    for (const route of routes.filter((r) => r.method === 'GET' && !hasId(r))) {
      for (const query of [requestsOfB[routeKey(route)]?.query, undefined]) {
        const res = await sendRoute(ctx, route, { query }, asB());
        expect(res.status, routeKey(route)).toBe(200);
        const text = JSON.stringify(res.body);
        expect(
          idsOfA.filter((id) => text.includes(id)),
          `${routeKey(route)}?${query}`,
        ).toEqual([]);
      }
    }
  });

  it('searching or filtering on the other firm’s names, SIREN, users and engagements finds nothing', async () => {
    const api = apiAs(ctx, asB());
    const company = (await apiAs(ctx, a.firm.users.associe.headers).get(`/companies/${a.prospect.companyId}`))
      .body.company;
    for (const url of [
      `/engagements?search=${encodeURIComponent(company.name)}`,
      `/engagements?search=${company.siren}`,
      `/engagements?responsibleUserId=${a.firm.users.collaborateur.id}`,
      `/companies?search=${company.siren}`,
      `/companies?search=${encodeURIComponent(company.name)}`,
      `/documents?engagementId=${a.prospect.id}`,
      `/documents?search=${encodeURIComponent(company.name)}`,
      '/documents?search=OS-2026',
    ]) {
      const res = await api.get(url);
      expect(res.status, url).toBe(200);
      const text = JSON.stringify(res.body.items);
      expect(
        allIdsOf(a).filter((id) => text.includes(id)),
        url,
      ).toEqual([]);
      if (!url.includes('OS-2026')) expect(res.body.total, url).toBe(0);
    }
  });

  describe('ids of the other firm inside a body never make a cross-firm link', () => {
    const refused = (res: { status: number; body: unknown }, label: string) => {
      expect([404, 422], `${label}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
    };

    it('POST /engagements with the other firm’s company, responsible user or signatory', async () => {
      const api = apiAs(ctx, asB());
      const before = (await api.get('/engagements?pageSize=200')).body.total;
      refused(await api.post('/engagements', { companyId: a.prospect.companyId }), 'companyId');
      refused(
        await api.post('/engagements', {
          company: { name: 'Nouvelle', isIndividual: true },
          responsibleUserId: a.firm.users.collaborateur.id,
        }),
        'responsibleUserId',
      );
      refused(
        await api.post('/engagements', {
          companyId: b.prospect.companyId,
          signatoryContactId: a.prospect.signatoryContactId,
        }),
        'signatoryContactId',
      );
      expect((await api.get('/engagements?pageSize=200')).body.total).toBe(before);
    });

    it('PATCH /engagements with the other firm’s responsible user or signatory', async () => {
      const api = apiAs(ctx, asB());
      const engagement = await aProspect(b.collab, 'Menuiserie Roux');
      for (const fields of [
        { responsibleUserId: a.firm.users.associe.id },
        { signatoryContactId: a.prospect.signatoryContactId },
      ]) {
        refused(
          await api.patch(`/engagements/${engagement.id}`, { version: engagement.version, ...fields }),
          Object.keys(fields)[0] as string,
        );
      }
      const after = (await api.get(`/engagements/${engagement.id}`)).body.engagement;
      expect(after).toMatchObject({
        version: engagement.version,
        responsibleUserId: b.firm.users.collaborateur.id,
        signatoryContactId: engagement.signatoryContactId,
      });
    });

    it('POST /documents with the other firm’s engagement, service, terms, letter or replaced letters', async () => {
      const api = apiAs(ctx, asB());
      const line = { serviceId: b.services.bookkeeping.id, quantity: 1 };
      const before = (await api.get('/documents?pageSize=200')).body.total;
      const attempts: [string, unknown][] = [
        ['engagementId', { engagementId: a.prospect.id, kind: 'proposal', lines: [line] }],
        [
          'serviceId',
          {
            engagementId: b.prospect.id,
            kind: 'proposal',
            lines: [{ serviceId: a.services.bookkeeping.id, quantity: 1 }],
          },
        ],
        [
          'termsVersionId',
          {
            engagementId: b.prospect.id,
            kind: 'engagement_letter',
            lines: [line],
            termsVersionId: a.terms.id,
          },
        ],
        [
          'amendsLetterId',
          {
            engagementId: b.client.engagement.id,
            kind: 'amendment',
            amendsLetterId: a.client.letterId,
            changes: [{ op: 'add', line }],
          },
        ],
        [
          'amendment targetLineId',
          {
            engagementId: b.client.engagement.id,
            kind: 'amendment',
            amendsLetterId: b.client.letterId,
            changes: [{ op: 'remove', targetLineId: a.client.letterLineId }],
          },
        ],
        [
          'replacesIds',
          {
            engagementId: b.client.engagement.id,
            kind: 'replacement_letter',
            replacement: { replacesIds: [a.client.letterId] },
          },
        ],
      ];
      for (const [label, body] of attempts) refused(await api.post('/documents', body), label);
      expect((await api.get('/documents?pageSize=200')).body.total).toBe(before);
    });

    it('PATCH /documents with the other firm’s terms or service', async () => {
      const api = apiAs(ctx, asB());
      const draft = (await api.get(`/documents/${b.workOrder.id}`)).body.document;
      refused(
        await api.patch(`/documents/${draft.id}`, { version: draft.version, termsVersionId: a.terms.id }),
        'termsVersionId',
      );
      refused(
        await api.patch(`/documents/${draft.id}`, {
          version: draft.version,
          lines: [{ serviceId: a.services.creation.id, quantity: 1 }],
        }),
        'serviceId',
      );
      const after = (await api.get(`/documents/${draft.id}`)).body.document;
      expect(after).toMatchObject({ version: draft.version, termsVersionId: draft.termsVersionId });
      expect(after.lines.map((l: { serviceId: string }) => l.serviceId)).toEqual([b.services.creation.id]);
    });

    it('POST /documents/:id/signatures with the other firm’s contact or associé', async () => {
      const api = apiAs(ctx, asB());
      const engagement = await aProspect(b.collab, 'Fleuriste Girard');
      const { letterId } = await aSentLetter(b.collab, engagement.id, b.services.bookkeeping.id);
      refused(
        await api.post(`/documents/${letterId}/signatures`, {
          side: 'client',
          contactId: a.prospect.signatoryContactId,
        }),
        'contactId',
      );
      refused(
        await api.post(`/documents/${letterId}/signatures`, {
          side: 'firm',
          userId: a.firm.users.associe.id,
        }),
        'userId',
      );
      const view = (await api.get(`/documents/${letterId}`)).body;
      expect(view.signatures).toEqual([]);
      expect(view.document.status).toBe('sent');
    });

    it('POST /companies/:id/contacts and PATCH /contacts/:id never reach across firms', async () => {
      const api = apiAs(ctx, asB());
      expectProblem(
        await api.post(`/companies/${a.prospect.companyId}/contacts`, { firstName: 'X', lastName: 'Y' }),
        404,
        'RESOURCE.NOT_FOUND',
      );
      const contacts = (
        await apiAs(ctx, a.firm.users.associe.headers).get(`/companies/${a.prospect.companyId}`)
      ).body.contacts;
      expect(contacts).toHaveLength(1);
    });
  });
});
