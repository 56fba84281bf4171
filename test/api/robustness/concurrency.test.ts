import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/application/ports/index.ts';
import {
  aClient,
  aDraft,
  aFirmWithData,
  aProspect,
  aSentLetter,
  type FirmData,
  nextSiren,
  send,
} from '../../builders/through-api.ts';
import type { Api } from '../../support/api-client.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { databaseKind } from '../../support/test-database.ts';
import { type AllFirmData, aFirmWithAllData } from './firm-data.ts';
import { documentedRoutes, routeKey, sendRoute, validRequests } from './routes.ts';

const TIMES = 20;

const statusesOf = (responses: { status: number; body: { code?: string } }[]) =>
  responses.map((r) => (r.status < 400 ? String(r.status) : `${r.status} ${r.body.code}`)).sort();

const eventsOf = async (api: Api, url: string, type: string) =>
  ((await api.get(url)).body.items as { type: string }[]).filter((event) => event.type === type);

/**
 * Requests that race: the row lock of the document or engagement orders them, the unique keys are
 * the backstop, the counters stay gapless. On PGlite the requests interleave between queries; on
 * PostgreSQL they run on twenty connections at once.
 */
describe(`concurrent requests (${databaseKind})`, () => {
  let ctx: TestContext;
  let data: AllFirmData;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-03-02T09:00:00Z' });
    data = await aFirmWithAllData(ctx, 'Cabinet Roussel');
  });
  afterAll(() => ctx.close());

  const collab = () => data.collab;
  const associe = () => data.associe;

  it('R-B2 twenty concurrent client signatures of one proposal leave exactly one signature and one letter', async () => {
    const engagement = await aProspect(collab(), 'Imprimerie Morel');
    const proposal = await aDraft(collab(), engagement.id, data.services.bookkeeping.id);
    await send(collab(), proposal.id);
    const responses = await Promise.all(
      Array.from({ length: TIMES }, () =>
        collab().post(`/documents/${proposal.id}/signatures`, { side: 'client' }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    for (const refused of responses.filter((r) => r.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(['DOCUMENT.SIGNATURE_ALREADY_RECORDED', 'DOCUMENT.TRANSITION_NOT_ALLOWED']).toContain(
        refused.body.code,
      );
    }
    const view = (await collab().get(`/documents/${proposal.id}`)).body;
    expect(view.document.status).toBe('signed');
    expect(view.signatures).toHaveLength(1);
    const letters = (await collab().get(`/documents?engagementId=${engagement.id}&kind=engagement_letter`))
      .body;
    expect(letters.total).toBe(1);
    expect(letters.items[0]).toMatchObject({ sourceProposalId: proposal.id, status: 'draft' });
    expect(view.createdLetterId).toBe(letters.items[0].id);
    expect(await eventsOf(collab(), `/documents/${proposal.id}/history`, 'document.signed')).toHaveLength(1);
    expect(
      await eventsOf(collab(), `/documents/${proposal.id}/history`, 'document.signature_recorded'),
    ).toHaveLength(1);
  });

  it('R-A4 R-A6 the client and the firm signing a letter at once sign it once and convert the prospect once', async () => {
    const prospects = await Promise.all(
      ['Serrurerie Blanc', 'Librairie Faure', 'Traiteur Henry', 'Optique Perrin', 'Cave Gauthier'].map(
        (name) => aProspect(collab(), name),
      ),
    );
    const letters = [];
    for (const prospect of prospects) {
      letters.push((await aSentLetter(collab(), prospect.id, data.services.bookkeeping.id)).letterId);
    }
    const responses = await Promise.all(
      letters.flatMap((letterId) => [
        collab().post(`/documents/${letterId}/signatures`, { side: 'client' }),
        associe().post(`/documents/${letterId}/signatures`, { side: 'firm' }),
        collab().post(`/documents/${letterId}/signatures`, { side: 'client' }),
        associe().post(`/documents/${letterId}/signatures`, { side: 'firm' }),
      ]),
    );
    // Per letter: one signature of each side; the repeats are refused.
    expect(responses.filter((r) => r.status === 201)).toHaveLength(letters.length * 2);
    const codes = [];
    for (const [index, prospect] of prospects.entries()) {
      const letterId = letters[index] as string;
      const view = (await collab().get(`/documents/${letterId}`)).body;
      expect(view.document.status).toBe('signed');
      expect(view.signatures.map((s: { side: string }) => s.side).sort()).toEqual(['client', 'firm']);
      expect(await eventsOf(collab(), `/documents/${letterId}/history`, 'document.signed')).toHaveLength(1);
      const engagement = (await collab().get(`/engagements/${prospect.id}`)).body.engagement;
      expect(engagement.state).toBe('client');
      expect(
        await eventsOf(collab(), `/engagements/${prospect.id}/history`, 'engagement.converted'),
      ).toHaveLength(1);
      codes.push(engagement.clientCode as string);
    }
    // One client code each, drawn once: the series has no hole and no repeat.
    const clients = (await collab().get('/engagements?state=client&pageSize=200')).body.items;
    const allCodes = clients.map((e: { clientCode: string }) => e.clientCode).sort();
    expect(new Set(allCodes).size).toBe(allCodes.length);
    expect(allCodes).toEqual(allCodes.map((_: string, i: number) => `CLI${String(i + 1).padStart(5, '0')}`));
    expect(allCodes).toEqual(expect.arrayContaining(codes));
  });

  it('R-A7 converting one prospect by hand twice at once: one conversion, one ENGAGEMENT.ALREADY_CLIENT', async () => {
    const prospect = await aProspect(collab(), 'Pressing Lucas');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        collab().post(`/engagements/${prospect.id}/convert`, { reason: 'Client de longue date' }),
      ),
    );
    expect(statusesOf(responses)).toEqual(['200', ...Array(4).fill('409 ENGAGEMENT.ALREADY_CLIENT')]);
    expect(
      await eventsOf(collab(), `/engagements/${prospect.id}/history`, 'engagement.converted'),
    ).toHaveLength(1);
  });

  it('R-A6 a hand conversion racing the first letter’s signature converts once', async () => {
    const prospect = await aProspect(collab(), 'Atelier Vidal');
    const { letterId } = await aSentLetter(collab(), prospect.id, data.services.bookkeeping.id);
    await collab().post(`/documents/${letterId}/signatures`, { side: 'client' });
    const [byHand, signed] = await Promise.all([
      collab().post(`/engagements/${prospect.id}/convert`, { reason: 'Mission urgente' }),
      associe().post(`/documents/${letterId}/signatures`, { side: 'firm' }),
    ]);
    expect(signed?.status).toBe(201);
    expect([200, 409]).toContain(byHand?.status);
    expect(
      await eventsOf(collab(), `/engagements/${prospect.id}/history`, 'engagement.converted'),
    ).toHaveLength(1);
    expect((await collab().get(`/engagements/${prospect.id}`)).body.engagement.state).toBe('client');
  });

  it('R-D1 two replacement letters of one letter signed at once: one replaces it, the other is refused', async () => {
    const client = await aClient(collab(), associe(), data.services.bookkeeping.id, 'Verrerie Masson');
    const replacements: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await collab().post('/documents', {
        engagementId: client.engagement.id,
        kind: 'replacement_letter',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await send(collab(), res.body.id);
      await collab().post(`/documents/${res.body.id}/signatures`, { side: 'client' });
      replacements.push(res.body.id);
    }
    const responses = await Promise.all(
      replacements.map((id) => associe().post(`/documents/${id}/signatures`, { side: 'firm' })),
    );
    expect(statusesOf(responses)).toEqual(['201', ...Array(3).fill('422 DOCUMENT.LETTER_NOT_IN_FORCE')]);
    const winner = replacements[responses.findIndex((r) => r.status === 201)];
    const scope = (await collab().get(`/engagements/${client.engagement.id}/scope`)).body;
    expect(scope.letters.map((l: { letterId: string }) => l.letterId)).toEqual([winner]);
    expect((await collab().get(`/documents/${client.letterId}`)).body.document).toMatchObject({
      status: 'replaced',
      replacedById: winner,
    });
  });

  describe('R-B5 numbering under load', () => {
    let fresh: FirmData;
    let original: Store;

    beforeAll(async () => {
      // A firm of its own, so that its proposal series starts at 0001 here.
      fresh = await aFirmWithData(ctx, 'Cabinet Numéros');
      original = ctx.deps.store;
    });
    afterAll(() => {
      ctx.deps.store = original;
    });

    const numbersOf = async (api: Api, kind: string) =>
      ((await api.get(`/documents?kind=${kind}&pageSize=200`)).body.items as { number: string | null }[])
        .map((doc) => doc.number)
        .filter((number): number is string => number !== null)
        .sort();

    const expected = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(4, '0')}`);

    it('R-B5 twenty drafts sent at once are numbered without gap or repeat; an empty one among them takes no number', async () => {
      const api = fresh.collab;
      // The fixture already sent two proposals: OS-2026-0001 and 0002.
      const before = await numbersOf(api, 'proposal');
      expect(before).toEqual(expected('OS-2026', 2));
      const engagement = await aProspect(api, 'Cordonnerie Renard');
      const drafts = [];
      for (let i = 0; i < TIMES; i++)
        drafts.push(await aDraft(api, engagement.id, fresh.services.bookkeeping.id));
      const empty = (await api.post('/documents', { engagementId: engagement.id, kind: 'proposal' })).body;
      const ids = [...drafts.slice(0, 10).map((d) => d.id), empty.id, ...drafts.slice(10).map((d) => d.id)];
      const responses = await Promise.all(ids.map((id) => api.post(`/documents/${id}/send`)));
      expect(statusesOf(responses)).toEqual([...Array(TIMES).fill('200'), '422 DOCUMENT.EMPTY']);
      const numbers = responses.filter((r) => r.status === 200).map((r) => r.body.number as string);
      expect(numbers.sort()).toEqual(expected('OS-2026', before.length + TIMES).slice(before.length));
      expect(await numbersOf(api, 'proposal')).toEqual(expected('OS-2026', before.length + TIMES));
    });

    it('R-B5 a send that fails after drawing its number gives the number back: no gap', async () => {
      const api = fresh.collab;
      const engagement = await aProspect(api, 'Ébénisterie Carré');
      const drafts = [];
      for (let i = 0; i < 6; i++)
        drafts.push(await aDraft(api, engagement.id, fresh.services.bookkeeping.id));
      const failing = drafts[2]?.id as string;
      // The history write of one send breaks after its number is drawn, as a crash would.
      ctx.deps.store = {
        ...original,
        transaction: (firmId, fn) =>
          original.transaction(firmId, (scope) =>
            fn({
              ...scope,
              events: {
                ...scope.events,
                append: async (event) => {
                  if (event.documentId === failing && event.type === 'document.sent') {
                    throw new Error('panne simulée après le tirage du numéro');
                  }
                  return scope.events.append(event);
                },
              },
            }),
          ),
      };
      const before = await numbersOf(api, 'proposal');
      const responses = await Promise.all(drafts.map((d) => api.post(`/documents/${d.id}/send`)));
      ctx.deps.store = original;
      expect(statusesOf(responses)).toEqual([...Array(5).fill('200'), '500 SERVER.INTERNAL']);
      const after = await numbersOf(api, 'proposal');
      expect(after).toEqual(expected('OS-2026', before.length + 5));
      const stillDraft = (await api.get(`/documents/${failing}`)).body.document;
      expect(stillDraft).toMatchObject({ status: 'draft', number: null });
      expect((await api.post(`/documents/${failing}/send`)).body.number).toBe(
        expected('OS-2026', before.length + 6).at(-1),
      );
    });

    it('R-B5 amendments of one letter sent at once are numbered A01, A02… without repeat', async () => {
      const api = fresh.collab;
      const amendments = [];
      for (let i = 0; i < 5; i++) {
        const res = await api.post('/documents', {
          engagementId: fresh.client.engagement.id,
          kind: 'amendment',
          amendsLetterId: fresh.client.letterId,
          changes: [{ op: 'add', line: { serviceId: fresh.services.payslip.id, quantity: i + 1 } }],
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        amendments.push(res.body.id as string);
      }
      const responses = await Promise.all(amendments.map((id) => api.post(`/documents/${id}/send`)));
      expect(statusesOf(responses)).toEqual(Array(5).fill('200'));
      const letterNumber = (await api.get(`/documents/${fresh.client.letterId}`)).body.document.number;
      expect(responses.map((r) => r.body.number).sort()).toEqual(
        [1, 2, 3, 4, 5].map((n) => `${letterNumber}-A0${n}`),
      );
    });
  });

  it('two PATCHes of one draft with the same version: one 200, one EDIT.STALE_VERSION, nothing lost silently', async () => {
    const draft = await aDraft(collab(), data.prospect.id, data.services.bookkeeping.id);
    const [first, second] = await Promise.all([
      collab().patch(`/documents/${draft.id}`, { version: draft.version, title: 'Version de Claire' }),
      associe().patch(`/documents/${draft.id}`, { version: draft.version, title: 'Version de Marc' }),
    ]);
    expect(statusesOf([first, second] as never)).toEqual(['200', '409 EDIT.STALE_VERSION']);
    const winner = first?.status === 200 ? first : second;
    const after = (await collab().get(`/documents/${draft.id}`)).body.document;
    expect(after).toMatchObject({ title: winner?.body.title, version: draft.version + 1 });
    expect(await eventsOf(collab(), `/documents/${draft.id}/history`, 'document.updated')).toHaveLength(1);
  });

  it('ten PATCHes of one engagement with the same version: exactly one wins', async () => {
    const engagement = await aProspect(collab(), 'Quincaillerie Royer');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        collab().patch(`/engagements/${engagement.id}`, { version: engagement.version, title: `Titre ${i}` }),
      ),
    );
    expect(statusesOf(responses)).toEqual(['200', ...Array(9).fill('409 EDIT.STALE_VERSION')]);
    const after = (await collab().get(`/engagements/${engagement.id}`)).body.engagement;
    expect(after.version).toBe(engagement.version + 1);
  });

  it('cancel and send of one draft at once: one of them wins, the other is refused', async () => {
    const draft = await aDraft(collab(), data.prospect.id, data.services.bookkeeping.id);
    const [sent, cancelled] = await Promise.all([
      collab().post(`/documents/${draft.id}/send`),
      collab().post(`/documents/${draft.id}/cancel`, { reason: 'Doublon' }),
    ]);
    const after = (await collab().get(`/documents/${draft.id}`)).body.document;
    // Cancelling a sent document is allowed too, so both may succeed, in that order only.
    if (sent?.status === 200 && cancelled?.status === 200)
      expect(after).toMatchObject({ status: 'cancelled' });
    else expect([sent?.status, cancelled?.status].sort()).toEqual([200, 409]);
    expect(['sent', 'cancelled']).toContain(after.status);
  });

  it('refusal and signature of one proposal at once: exactly one of them happens', async () => {
    const draft = await aDraft(collab(), data.prospect.id, data.services.bookkeeping.id);
    await send(collab(), draft.id);
    const [refused, signed] = await Promise.all([
      collab().post(`/documents/${draft.id}/refuse`, { reason: 'Trop cher' }),
      collab().post(`/documents/${draft.id}/signatures`, { side: 'client' }),
    ]);
    expect(statusesOf([refused, signed] as never)).toEqual(
      signed?.status === 201
        ? ['201', '409 DOCUMENT.TRANSITION_NOT_ALLOWED']
        : ['200', '409 DOCUMENT.TRANSITION_NOT_ALLOWED'],
    );
    const view = (await collab().get(`/documents/${draft.id}`)).body;
    const letters = (await collab().get(`/documents?engagementId=${data.prospect.id}&kind=engagement_letter`))
      .body.items as { sourceProposalId: string }[];
    if (signed?.status === 201) {
      expect(view.document.status).toBe('signed');
      expect(letters.filter((l) => l.sourceProposalId === draft.id)).toHaveLength(1);
    } else {
      expect(view.document.status).toBe('refused');
      expect(view.signatures).toEqual([]);
      expect(letters.filter((l) => l.sourceProposalId === draft.id)).toHaveLength(0);
    }
  });

  it('companies created at once with one SIREN: the losers get COMPANY.SIREN_TAKEN, not a 500', async () => {
    const siren = nextSiren();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => collab().post('/companies', { name: `Société ${i}`, siren })),
    );
    expect(statusesOf(responses)).toEqual(['201', ...Array(9).fill('409 COMPANY.SIREN_TAKEN')]);
    const other = nextSiren();
    const viaEngagements = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        collab().post('/engagements', { company: { name: `Affaire ${i}`, siren: other } }),
      ),
    );
    expect(statusesOf(viaEngagements)).toEqual(['201', ...Array(4).fill('409 COMPANY.SIREN_TAKEN')]);
  });

  describe('Idempotency-Key', () => {
    const body = () => ({ company: { name: 'Madame Idem', isIndividual: true } });
    const countEngagements = async () => (await collab().get('/engagements?pageSize=1')).body.total as number;

    it('the same POST /engagements sent twice with one key answers the same engagement, created once', async () => {
      const before = await countEngagements();
      const key = { 'idempotency-key': `cle-${crypto.randomUUID()}` };
      const first = await collab().post('/engagements', body(), key);
      const second = await collab().post('/engagements', body(), key);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await countEngagements()).toBe(before + 1);
    });

    it('ten concurrent POST /engagements with one key create one engagement; the others replay it or wait', async () => {
      const before = await countEngagements();
      const key = { 'idempotency-key': `cle-${crypto.randomUUID()}` };
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => collab().post('/engagements', body(), key)),
      );
      for (const res of responses) {
        expect(['201', '409 IDEMPOTENCY.IN_PROGRESS']).toContain(statusesOf([res])[0]);
      }
      const ids = new Set(responses.filter((r) => r.status === 201).map((r) => r.body.id));
      expect(ids.size).toBe(1);
      expect(await countEngagements()).toBe(before + 1);
      const retry = await collab().post('/engagements', body(), key);
      expect(retry.status).toBe(201);
      expect(ids.has(retry.body.id)).toBe(true);
    });

    it('the same key with another body is IDEMPOTENCY.KEY_REUSED and creates nothing', async () => {
      const key = { 'idempotency-key': `cle-${crypto.randomUUID()}` };
      expect((await collab().post('/engagements', body(), key)).status).toBe(201);
      const before = await countEngagements();
      const other = await collab().post(
        '/engagements',
        { company: { name: 'Monsieur Autre', isIndividual: true } },
        key,
      );
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect(await countEngagements()).toBe(before);
    });

    it('every route that creates something replays its first answer to a repeated key, and creates once', async () => {
      // Signatures are idempotent by their unique key (one per side); a token is shown once, never
      // stored; a user's e-mail is unique in the firm, and storing the answer would keep the
      // password's hash in the request fingerprint for a day; a webhook's secret is shown once, as
      // a token (webhooks.routes.ts takes no Idempotency-Key); sealing again seals a document once
      // whatever the number of requests (the job does nothing for a copy already sealed).
      const naturallyOnce = [
        'POST /documents/{id}/signatures',
        'POST /documents/{id}/signing/seal',
        'POST /api-tokens',
        'POST /users',
        'POST /webhooks',
        // Starting a campaign's generation or sending twice starts it once (the campaign's status).
        'POST /campaigns/{id}/generate',
        'POST /campaigns/{id}/send',
      ];
      const requests = validRequests(data);
      const checked: string[] = [];
      for (const route of (await documentedRoutes(ctx)).filter((r) => r.method === 'POST')) {
        const key = routeKey(route);
        if (naturallyOnce.includes(key) || key.startsWith('POST /auth/')) continue;
        const headers = {
          ...data.firm.users.associe.headers,
          'idempotency-key': `cle-${crypto.randomUUID()}`,
        };
        const request = requests[key] ?? {};
        const first = await sendRoute(ctx, route, request, headers);
        // 201 Created, or 202 Accepted for the replay of a webhook delivery (a delivery created).
        if (first.status !== 201 && first.status !== 202) continue;
        const second = await sendRoute(ctx, route, request, headers);
        expect({ key, status: second.status, replayed: second.headers['idempotent-replayed'] }).toEqual({
          key,
          status: first.status,
          replayed: 'true',
        });
        expect(second.body, key).toEqual(first.body);
        checked.push(key);
      }
      expect(checked).toEqual(
        expect.arrayContaining([
          'POST /engagements',
          'POST /companies',
          'POST /documents',
          'POST /documents/{id}/duplicate',
          'POST /webhook-deliveries/{id}/replay',
        ]),
      );
    });

    it('a key is the user’s own: another user with the same key creates their own engagement', async () => {
      const key = { 'idempotency-key': `cle-${crypto.randomUUID()}` };
      const mine = await collab().post('/engagements', body(), key);
      const theirs = await associe().post('/engagements', body(), key);
      expect(theirs.status).toBe(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('a refused first attempt frees the key: the corrected retry with the same key is carried out', async () => {
      const key = { 'idempotency-key': `cle-${crypto.randomUUID()}` };
      const refused = await collab().post(
        '/engagements',
        { company: { name: 'X', siren: '732829321' } },
        key,
      );
      expect(refused.body.code).toBe('COMPANY.INVALID_SIREN');
      const retry = await collab().post('/engagements', { company: { name: 'X', siren: nextSiren() } }, key);
      expect(retry.status).toBe(201);
      const replay = await collab().post('/engagements', { company: { name: 'X', siren: '732829321' } }, key);
      expect(replay.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    });
  });
});
