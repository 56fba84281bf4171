import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, aProspect, expectProblem, send, sign } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { flowingText } from '../support/pdf.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** R-G2: a letter says how often its recurring fees are billed, and its schedule follows it. */
describe(`a letter billed quarterly (${databaseKind})`, () => {
  let ctx: TestContext;
  let collab: Api;
  let associe: Api;
  let serviceId = '';
  let engagementId = '';
  let proposalId = '';
  let letterId = '';

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-12-01T09:00:00Z', jobs: { pollingIntervalSeconds: 0.5 } });
    const firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    const by = firm.users.associe.id;
    serviceId = (
      await aService(ctx, firm.firmId, by, {
        label: 'Révision des comptes annuels',
        recurrence: 'yearly',
        priceCents: 123_600,
      })
    ).id;
    engagementId = (await aProspect(collab, 'Cave Trimestre')).id;
    proposalId = (await aDraft(collab, engagementId, serviceId)).id;
  });
  afterAll(() => ctx.close());

  it('refuses a billing period on a proposal, created or edited, with its code', async () => {
    const created = await collab.post('/documents', {
      engagementId,
      kind: 'proposal',
      billingPeriod: 'quarterly',
      lines: [{ serviceId, quantity: 1 }],
    });
    expectProblem(created, 422, 'DOCUMENT.BILLING_PERIOD_NOT_ALLOWED');
    const draft = (await collab.get(`/documents/${proposalId}`)).body.document;
    expect(draft.billingPeriod).toBe('monthly');
    const edited = await collab.patch(`/documents/${proposalId}`, {
      version: draft.version,
      billingPeriod: 'quarterly',
    });
    expectProblem(edited, 422, 'DOCUMENT.BILLING_PERIOD_NOT_ALLOWED');
  });

  it('a letter set to quarterly says « Facturation trimestrielle » and 4 × 309,00 € HT in its PDF', async () => {
    await send(collab, proposalId);
    await sign(collab, proposalId, 'client');
    letterId = (await collab.get(`/documents/${proposalId}`)).body.createdLetterId as string;
    const draft = (await collab.get(`/documents/${letterId}`)).body.document;
    const edited = await collab.patch(`/documents/${letterId}`, {
      version: draft.version,
      effectiveDate: '2027-01-01',
      billingPeriod: 'quarterly',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.billingPeriod).toBe('quarterly');
    await send(collab, letterId);
    const text = await flowingText((await collab.download(`/documents/${letterId}/pdf`)).bytes);
    expect(text).toContain('Facturation trimestrielle');
    expect(text).toContain('4 échéances trimestrielles de 309,00 € HT, de janvier 2027 à octobre 2027');
  });

  it('R-G2 R-G3 once signed, its schedule bills 309,00 € every third month, the year summing to 1 236,00 €', async () => {
    await sign(collab, letterId, 'client');
    await sign(associe, letterId, 'firm');
    const res = await collab.get(`/engagements/${engagementId}/schedule?from=2027-01&to=2027-12`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const recurring = (res.body.entries as { month: string; type: string; htCents: number }[]).filter(
      (entry) => entry.type === 'recurring',
    );
    expect(recurring.map((entry) => [entry.month, entry.htCents])).toEqual([
      ['2027-01', 30_900],
      ['2027-04', 30_900],
      ['2027-07', 30_900],
      ['2027-10', 30_900],
    ]);
    expect(recurring.reduce((sum, entry) => sum + entry.htCents, 0)).toBe(123_600);
  });

  it('R-G2 its replacement letter and its amendment are billed on its period; a period on the amendment is refused', async () => {
    const replacement = await collab.post('/documents', {
      engagementId,
      kind: 'replacement_letter',
      effectiveDate: '2028-01-01',
    });
    expect(replacement.status, JSON.stringify(replacement.body)).toBe(201);
    expect(replacement.body.billingPeriod).toBe('quarterly');
    const amendment = await collab.post('/documents', {
      engagementId,
      kind: 'amendment',
      amendsLetterId: letterId,
      effectiveDate: '2027-07-01',
      changes: [{ op: 'add', line: { serviceId, quantity: 1 } }],
    });
    expect(amendment.status, JSON.stringify(amendment.body)).toBe(201);
    expect(amendment.body.billingPeriod).toBe('quarterly');
    const refused = await collab.patch(`/documents/${amendment.body.id}`, {
      version: amendment.body.version,
      billingPeriod: 'monthly',
    });
    expectProblem(refused, 422, 'DOCUMENT.BILLING_PERIOD_NOT_ALLOWED');
    // Its impact gives the quarterly instalment: 2 472,00 € a year is 618,00 € HT a quarter; the
    // monthly figure keeps its meaning for the clients that read it.
    const view = await collab.get(`/documents/${amendment.body.id}`);
    expect(view.body.amendmentImpact).toMatchObject({
      letterAnnualBeforeHtCents: 123_600,
      letterAnnualAfterHtCents: 247_200,
      billingPeriod: 'quarterly',
      newInstalmentHtCents: 61_800,
      newInstalmentTtcCents: 74_160,
      newMonthlyInstalmentHtCents: 20_600,
      newMonthlyInstalmentTtcCents: 24_720,
    });
  });

  it('R-G2 a renewal campaign’s replacement letter keeps the quarterly billing of the letter it renews', async () => {
    const other = await aProspect(collab, 'Cave Saisons');
    const proposal = await aDraft(collab, other.id, serviceId);
    await send(collab, proposal.id);
    await sign(collab, proposal.id, 'client');
    const letter = (await collab.get(`/documents/${proposal.id}`)).body.createdLetterId as string;
    const draft = (await collab.get(`/documents/${letter}`)).body.document;
    await collab.patch(`/documents/${letter}`, {
      version: draft.version,
      effectiveDate: '2027-01-01',
      billingPeriod: 'quarterly',
    });
    await send(collab, letter);
    await sign(collab, letter, 'client');
    await sign(associe, letter, 'firm');
    const campaign = await collab.post('/campaigns', {
      name: 'Renouvellement 2028',
      settings: {
        revaluation: { method: 'coefficient', coefficient: '1,02' },
        effectiveDate: '2028-01-01',
        validUntil: '2027-12-31',
      },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    expect((await collab.post(`/campaigns/${campaign.body.id}/generate`)).status).toBe(202);
    await ctx.drainJobs();
    // Nothing but the campaign made a replacement letter for this client.
    const generated = (
      await collab.get(`/documents?engagementId=${other.id}&kind=replacement_letter&pageSize=200`)
    ).body.items as { billingPeriod: string }[];
    expect(generated.map((doc) => doc.billingPeriod)).toEqual(['quarterly']);
  });
});
