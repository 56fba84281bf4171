import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCampaignLetters } from '../../src/application/campaigns/sign-campaign-letters.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aClient, aProspect, aSentLetter, expectProblem } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

type Item = { id: string; number: string | null; status: string };

/** A renewal campaign for 2027 (letters revalued × 1,02), created: its answer. */
const aRenewalCampaign = async (api: Api) => {
  const created = await api.post('/campaigns', {
    name: 'Renouvellement 2027',
    settings: {
      revaluation: { method: 'coefficient', coefficient: '1,02' },
      effectiveDate: '2027-01-01',
      validUntil: '2026-12-31',
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created;
};

describe(`the firm's signatures: « À signer par moi » and a campaign's letters at once (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  let serviceId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z', jobs: { pollingIntervalSeconds: 0.5 } });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { recurrence: 'yearly' })).id;
  }, 120_000);
  afterAll(() => ctx.close());

  const mine = async (api: Api) => {
    const res = await api.get('/documents?awaitingMySignature=true&pageSize=200');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Item[];
  };

  it('lists the sent letters the associé signs for the firm, and drops each once signed', async () => {
    const engagement = await aProspect(collab, 'Atelier Signé');
    const { proposalId, letterId } = await aSentLetter(collab, engagement.id, serviceId);
    const listed = await mine(associe);
    expect(listed.map((d) => d.id)).toContain(letterId);
    // A proposal needs no firm signature; a collaborateur signs nothing for the firm.
    expect(listed.map((d) => d.id)).not.toContain(proposalId);
    expect(listed.every((d) => d.status === 'sent')).toBe(true);
    expect(await mine(collab)).toEqual([]);

    const signed = await associe.post(`/documents/${letterId}/signatures`, {
      side: 'firm',
      method: 'electronic',
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect((await mine(associe)).map((d) => d.id)).not.toContain(letterId);
  });

  it('signs every sent letter of a campaign for the firm, each with its own signature and evidence, once', async () => {
    for (const name of ['Camp Alpha', 'Camp Bravo', 'Camp Charlie'])
      await aClient(collab, associe, serviceId, name);
    const created = await aRenewalCampaign(collab);
    const id = created.body.id as string;
    expect((await collab.post(`/campaigns/${id}/generate`)).status).toBe(202);
    await ctx.drainJobs();
    expect((await collab.post(`/campaigns/${id}/send`)).status).toBe(202);
    await ctx.drainJobs();
    const letters = (await collab.get(`/documents?kind=replacement_letter&status=sent&pageSize=200`)).body
      .items as Item[];
    expect(letters.length).toBeGreaterThanOrEqual(3);

    expect((await associe.get(`/campaigns/${id}/firm-signature`)).body).toEqual({ waiting: 3 });
    expectProblem(
      await collab.post(`/campaigns/${id}/firm-signature`),
      422,
      'DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE',
    );

    // Two clicks at once (two tabs): each letter is signed once, by one of them.
    const [first, second] = await Promise.all([
      associe.post(`/campaigns/${id}/firm-signature`, undefined, { 'user-agent': 'Navigateur A' }),
      associe.post(`/campaigns/${id}/firm-signature`, undefined, { 'user-agent': 'Navigateur A' }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const signedIds = [...first.body.signed, ...second.body.signed].map(
      (s: { documentId: string }) => s.documentId,
    );
    expect(signedIds).toHaveLength(3);
    expect(new Set(signedIds).size).toBe(3);
    expect(first.body.failed).toEqual([]);
    expect(second.body.remaining).toBe(0);
    expect((await associe.get(`/campaigns/${id}/firm-signature`)).body).toEqual({ waiting: 0 });
    const again = await associe.post(`/campaigns/${id}/firm-signature`);
    expect(again.body).toEqual({ signed: [], failed: [], remaining: 0, next: null });

    for (const documentId of signedIds) {
      const view = (await associe.get(`/documents/${documentId}`)).body;
      const firmSignatures = view.signatures.filter((s: { side: string }) => s.side === 'firm');
      expect(firmSignatures).toHaveLength(1);
      expect(firmSignatures[0]).toMatchObject({ method: 'electronic', userId: firm.users.associe.id });
      const history = (await associe.get(`/documents/${documentId}/history?pageSize=200`)).body.items;
      const recorded = history.filter(
        (e: { type: string; data: { side?: string } }) =>
          e.type === 'document.signature_recorded' && e.data.side === 'firm',
      );
      expect(recorded).toHaveLength(1);
      const signing = (await associe.get(`/documents/${documentId}/signing`)).body;
      const firmLink = signing.requests.find((r: { side: string }) => r.side === 'firm');
      expect(firmLink).toMatchObject({ status: 'signed' });
    }
    // Each signature is its own: distinct rows.
    const signatureIds = await Promise.all(
      signedIds.map(async (documentId: string) => {
        const view = (await associe.get(`/documents/${documentId}`)).body;
        return view.signatures.find((s: { side: string }) => s.side === 'firm').id as string;
      }),
    );
    expect(new Set(signatureIds).size).toBe(3);
  }, 180_000);

  /** Another firm, its clients, and a campaign whose letters are sent: the campaign's id. */
  const aFirmWithSentCampaign = async (name: string, clients: string[]) => {
    const other = await aFirmWithUsers(ctx, name);
    const theirCollab = apiAs(ctx, other.users.collaborateur.headers);
    const theirAssocie = apiAs(ctx, other.users.associe.headers);
    await aTermsVersion(ctx, other.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    const service = (await aService(ctx, other.firmId, other.users.associe.id, { recurrence: 'yearly' })).id;
    const engagements = [];
    for (const client of clients)
      engagements.push((await aClient(theirCollab, theirAssocie, service, client)).engagement);
    const created = await aRenewalCampaign(theirCollab);
    const campaignId = created.body.id as string;
    return { firm: other, collab: theirCollab, associe: theirAssocie, engagements, campaignId };
  };
  const generateAndSend = async (api: Api, campaignId: string) => {
    expect((await api.post(`/campaigns/${campaignId}/generate`)).status).toBe(202);
    await ctx.drainJobs();
    expect((await api.post(`/campaigns/${campaignId}/send`)).status).toBe(202);
    await ctx.drainJobs();
  };

  it('R-B3 signs only the campaign letters this associé signs, as « À signer par moi » lists them', async () => {
    const setup = await aFirmWithSentCampaign('Cabinet Deux Associés', ['Mine Alpha', 'Theirs Bravo']);
    const claire = await setup.associe.post('/users', {
      email: 'claire.deux@cabinet.test',
      name: 'Claire Dupré',
      role: 'associe',
      formOfAddress: 'madame',
      password: 'secret-pass-123',
    });
    expect(claire.status, JSON.stringify(claire.body)).toBe(201);
    // Each engagement's responsible associé signs its letter for the firm.
    const responsibles = [setup.firm.users.associe.id, claire.body.id as string];
    for (const [index, engagement] of setup.engagements.entries()) {
      const current = (await setup.collab.get(`/engagements/${engagement.id}`)).body;
      const moved = await setup.collab.patch(`/engagements/${engagement.id}`, {
        version: current.version ?? current.engagement?.version,
        responsibleUserId: responsibles[index],
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    await generateAndSend(setup.collab, setup.campaignId);

    const letters = (await setup.collab.get('/documents?kind=replacement_letter&status=sent&pageSize=200'))
      .body.items as Item[];
    expect(letters).toHaveLength(2);
    const mineListed = await mine(setup.associe);
    const myLetters = letters.filter((l) => mineListed.some((d) => d.id === l.id));
    expect(myLetters).toHaveLength(1);

    expect((await setup.associe.get(`/campaigns/${setup.campaignId}/firm-signature`)).body).toEqual({
      waiting: 1,
    });
    const res = await setup.associe.post(`/campaigns/${setup.campaignId}/firm-signature`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      signed: [{ documentId: myLetters[0]?.id, number: myLetters[0]?.number }],
      failed: [],
      remaining: 0,
      next: null,
    });
    // Claire's letter still waits for her.
    const claireLetter = letters.find((l) => l.id !== myLetters[0]?.id);
    const view = (await setup.associe.get(`/documents/${claireLetter?.id}`)).body;
    expect(view.signatures.filter((s: { side: string }) => s.side === 'firm')).toEqual([]);
  }, 180_000);

  it('R-B3 goes past letters refused by a rule: a cursor reaches the later letters, `remaining` counts those after it', async () => {
    const setup = await aFirmWithSentCampaign('Cabinet Tardif', ['Late Alpha', 'Late Bravo', 'Late Charlie']);
    await generateAndSend(setup.collab, setup.campaignId);
    const actor = {
      firmId: setup.firm.firmId,
      userId: setup.firm.users.associe.id,
      role: 'associe' as const,
      name: 'Associé',
    };
    const evidence = { ip: null, userAgent: null };
    const started = ctx.clock.now().toISOString();
    // Past the campaign's last day to sign (R-D5), before the sweep records them expired: each
    // letter is refused, and stays sent.
    ctx.clock.set('2027-01-02T09:00:00Z');
    try {
      const first = await signCampaignLetters(ctx.deps, actor, { id: setup.campaignId, evidence, chunk: 2 });
      expect(first.signed).toEqual([]);
      expect(first.failed.map((f) => f.code)).toEqual([
        'DOCUMENT.SIGNING_DEADLINE_PASSED',
        'DOCUMENT.SIGNING_DEADLINE_PASSED',
      ]);
      expect(first.remaining).toBe(1);
      expect(first.next).toBe(first.failed[1]?.number);
      const second = await signCampaignLetters(ctx.deps, actor, {
        id: setup.campaignId,
        evidence,
        chunk: 2,
        after: first.next ?? undefined,
      });
      expect(second.failed).toHaveLength(1);
      expect(second.failed[0]?.documentId).not.toBe(first.failed[0]?.documentId);
      expect(second.failed[0]?.documentId).not.toBe(first.failed[1]?.documentId);
      expect(second).toMatchObject({ signed: [], remaining: 0, next: null });
    } finally {
      ctx.clock.set(started);
    }
  }, 180_000);

  it('answers 404 for another firm’s campaign', async () => {
    const other = await aFirmWithUsers(ctx, 'Cabinet Voisin');
    const theirs = apiAs(ctx, other.users.associe.headers);
    const res = await theirs.post('/campaigns/00000000-0000-4000-8000-000000000000/firm-signature');
    expectProblem(res, 404, 'RESOURCE.NOT_FOUND');
  });
});
