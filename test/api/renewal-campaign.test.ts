import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCampaignGeneration } from '../../src/application/campaigns/generate-campaign.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aProspect, aSignedAmendment, expectProblem, send, sign } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

type Line = { serviceId: string; quantity: string; unitPriceCents?: number };

/** A client whose signed letter holds these lines: proposal → letter (R-B2) → signed by both (R-A4). */
const aClientWithLines = async (collab: Api, associe: Api, name: string, lines: Line[]) => {
  const engagement = await aProspect(collab, name);
  const proposal = await collab.post('/documents', { engagementId: engagement.id, kind: 'proposal', lines });
  expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
  await send(collab, proposal.body.id);
  await sign(collab, proposal.body.id, 'client');
  const letterId = (await collab.get(`/documents/${proposal.body.id}`)).body.createdLetterId as string;
  await send(collab, letterId);
  await sign(collab, letterId, 'client');
  await sign(associe, letterId, 'firm');
  const letter = (await collab.get(`/documents/${letterId}`)).body.document;
  return { engagement, letterId, lineIds: letter.lines.map((l: { id: string }) => l.id) as string[] };
};

type PlanLine = {
  serviceId: string;
  label: string;
  beforeUnitCents: number;
  unitPriceCents: number;
  pricing: string;
};
type Plan = {
  companyName: string;
  outcome: string;
  annualBeforeCents: number;
  annualAfterCents: number;
  changePercent: string | null;
  reason?: string;
  detail?: string | null;
  lines?: PlanLine[];
};

describe(`renewal campaigns (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  const services = { fee: '', payslip: '', bookkeeping: '' };
  const clients = {} as Record<
    'alpha' | 'bravo' | 'charlie' | 'delta' | 'echo',
    Awaited<ReturnType<typeof aClientWithLines>>
  >;
  const receiver = startWebhookReceiver();

  const previewOf = async (campaignId: string) => {
    const res = await collab.get(`/campaigns/${campaignId}/preview?pageSize=200`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byName = new Map<string, Plan>(res.body.clients.items.map((p: Plan) => [p.companyName, p]));
    return { summary: res.body.summary, plan: (name: string) => byName.get(name) as Plan };
  };
  const priceOf = (plan: Plan, serviceId: string) => plan.lines?.find((l) => l.serviceId === serviceId);

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z', jobs: { pollingIntervalSeconds: 0.5 } });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    const by = firm.users.associe.id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    services.fee = (await aService(ctx, firm.firmId, by, { priceCents: 120_000, recurrence: 'yearly' })).id;
    services.payslip = (
      await aService(ctx, firm.firmId, by, { priceCents: 2_500, recurrence: 'monthly' })
    ).id;
    services.bookkeeping = (
      await aService(ctx, firm.firmId, by, { priceCents: 3_333, recurrence: 'monthly' })
    ).id;
    const { fee, payslip, bookkeeping } = services;
    clients.alpha = await aClientWithLines(collab, associe, 'Alpha Conseil', [
      { serviceId: fee, quantity: '1' },
      { serviceId: payslip, quantity: '7' },
    ]);
    clients.bravo = await aClientWithLines(collab, associe, 'Bravo Transports', [
      { serviceId: bookkeeping, quantity: '1' },
    ]);
    clients.charlie = await aClientWithLines(collab, associe, 'Charlie Immobilier', [
      { serviceId: fee, quantity: '1' },
    ]);
    clients.delta = await aClientWithLines(collab, associe, 'Delta Menuiserie', [
      { serviceId: fee, quantity: '1' },
      { serviceId: payslip, quantity: '2' },
    ]);
    clients.echo = await aClientWithLines(collab, associe, 'Echo Paysages', [
      { serviceId: fee, quantity: '1' },
    ]);
    // Echo's letter was amended: its fee went up to 1 500,00 € from 1 December.
    await aSignedAmendment(collab, associe, {
      engagementId: clients.echo.engagement.id,
      letterId: clients.echo.letterId,
      changes: [{ op: 'modify', targetLineId: clients.echo.lineIds[0], unitPriceCents: 150_000 }],
      effectiveDate: '2026-12-01',
    });
    await aProspect(collab, 'Prospect Foxtrot');
    const hook = await associe.post('/webhooks', {
      url: (await receiver).url,
      events: ['campaign.generated', 'campaign.completed'],
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await ctx.close();
    await (await receiver).close();
  });

  const settings = (overrides: object = {}) => ({
    revaluation: { method: 'coefficient', coefficient: '1,03' },
    effectiveDate: '2027-01-01',
    validUntil: '2026-12-31',
    ...overrides,
  });

  it('R-D3 R-D5 previews the worked examples exactly: coefficient 1,03, a client’s own coefficient, a fixed price, a client left out, an amendment consolidated', async () => {
    const created = await collab.post('/campaigns', {
      name: 'Renouvellement 2027',
      settings: settings({
        exceptions: [
          { engagementId: clients.bravo.engagement.id, action: 'coefficient', coefficient: '1.025' },
          { engagementId: clients.charlie.engagement.id, action: 'leave_out', reason: 'Cession en cours' },
          {
            engagementId: clients.delta.engagement.id,
            action: 'fixed_prices',
            prices: [{ serviceId: services.fee, unitPriceCents: 130_000 }],
          },
        ],
      }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', settings: { rounding: 'cent' } });
    const { summary, plan } = await previewOf(created.body.id);

    // 1 200,00 × 1,03 = 1 236,00 and 25,00 × 1,03 = 25,75: 1 200 + 7 × 25 × 12 = 3 300,00 → 3 399,00.
    const alpha = plan('Alpha Conseil');
    expect(priceOf(alpha, services.fee)).toMatchObject({ beforeUnitCents: 120_000, unitPriceCents: 123_600 });
    expect(priceOf(alpha, services.payslip)).toMatchObject({ beforeUnitCents: 2_500, unitPriceCents: 2_575 });
    expect(alpha).toMatchObject({
      annualBeforeCents: 330_000,
      annualAfterCents: 339_900,
      changePercent: '3.00',
    });
    // The page's lines are told in words, as the letter names them.
    const letter = (await collab.get(`/documents/${clients.alpha.letterId}`)).body.document;
    expect(alpha.lines?.map((l) => [l.serviceId, l.label])).toEqual(
      letter.lines.map((l: PlanLine) => [l.serviceId, l.label]),
    );
    expect(alpha.lines?.every((l) => l.label.length > 0)).toBe(true);
    // Half-up: 33,33 × 1,025 = 34,16325 → 34,16 each month.
    expect(plan('Bravo Transports')).toMatchObject({ annualBeforeCents: 39_996, annualAfterCents: 40_992 });
    expect(plan('Charlie Immobilier')).toMatchObject({
      outcome: 'skipped',
      reason: 'left_out',
      detail: 'Cession en cours',
    });
    // The fixed price for the fee, the campaign's coefficient for the payslips.
    const delta = plan('Delta Menuiserie');
    expect(priceOf(delta, services.fee)).toMatchObject({ unitPriceCents: 130_000, pricing: 'fixed' });
    expect(priceOf(delta, services.payslip)).toMatchObject({ unitPriceCents: 2_575, pricing: 'revalued' });
    // R-D2: the amendment effective on 1 December is folded in: 1 500,00 × 1,03 = 1 545,00.
    expect(plan('Echo Paysages')).toMatchObject({ annualBeforeCents: 150_000, annualAfterCents: 154_500 });
    expect(summary).toMatchObject({ selected: 5, planned: 4, skipped: 1, skippedByReason: { left_out: 1 } });
    expect(summary.annualBeforeCents).toBe(330_000 + 39_996 + 180_000 + 150_000);
    expect(summary.annualAfterCents).toBe(339_900 + 40_992 + (130_000 + 2 * 2_575 * 12) + 154_500);

    const csv = await collab.get(`/campaigns/${created.body.id}/preview.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const text = String(csv.body);
    expect(text).toContain('Alpha Conseil');
    expect(text).toContain(';3300,00;3399,00;3,00;1,03;');
    expect(text).toContain('Écarté de la campagne (Cession en cours)');
  });

  it('R-D6 lists the clients on older terms, the notice deadlines ahead, and the recurring fees in force', async () => {
    const outdated = (await collab.get('/renewals/outdated-terms')).body;
    expect(outdated).toMatchObject({ currentVersion: 1, below: 1, items: [] });
    const below2 = (await collab.get('/renewals/outdated-terms?below=2')).body.items;
    expect(below2.map((i: { companyName: string }) => i.companyName).sort()).toEqual([
      'Alpha Conseil',
      'Bravo Transports',
      'Charlie Immobilier',
      'Delta Menuiserie',
      'Echo Paysages',
    ]);
    expect(below2[0]).toMatchObject({ termsVersion: 1 });
    // Letters of 29 November 2026, closing 31 December, three months' notice: the first period runs
    // to 31 December 2027 (its 2026 deadline had passed), so notice is due by 30 September 2027.
    const within = (await collab.get('/renewals/notice-deadlines?days=400')).body.items;
    expect(within).toHaveLength(5);
    expect(within[0]).toMatchObject({ noticeDeadline: '2027-09-30', periodEnd: '2027-12-31' });
    expect(
      within.find((i: { companyName: string }) => i.companyName === 'Alpha Conseil').annualFeesCents,
    ).toBe(330_000);
    expect((await collab.get('/renewals/notice-deadlines?days=90')).body.items).toEqual([]);
    expectProblem(await collab.get('/renewals/notice-deadlines?days=0'), 400, 'REQUEST.VALIDATION_FAILED');
    // Today, Echo's amendment (1 December) is not yet in force.
    const fees = (await collab.get('/portfolio/recurring-fees')).body;
    expect(fees).toMatchObject({ totalCents: 330_000 + 39_996 + 120_000 + 180_000 + 120_000, clients: 5 });
    expect(fees.byDomain.reduce((sum: number, d: { cents: number }) => sum + d.cents, 0)).toBe(
      fees.totalCents,
    );
  });

  it('R-D3 rounds to the euro, keeps an excluded service’s price, and applies an index formula', async () => {
    const byEuro = await collab.post('/campaigns', {
      name: 'À l’euro',
      settings: settings({ rounding: 'euro', excludedServiceIds: [services.payslip] }),
    });
    const euro = await previewOf(byEuro.body.id);
    // 33,33 × 1,03 = 34,33 → 34,00 to the euro; the payslips keep 25,00.
    expect(priceOf(euro.plan('Bravo Transports'), services.bookkeeping)).toMatchObject({
      unitPriceCents: 3_400,
    });
    expect(priceOf(euro.plan('Alpha Conseil'), services.payslip)).toMatchObject({
      unitPriceCents: 2_500,
      pricing: 'excluded',
    });

    const byIndex = await collab.post('/campaigns', {
      name: 'Indice Syntec',
      settings: settings({ revaluation: { method: 'index', referenceIndex: '318,4', newIndex: '327,3' } }),
    });
    expect(byIndex.status, JSON.stringify(byIndex.body)).toBe(201);
    const index = await previewOf(byIndex.body.id);
    // 1 200,00 × 327,3 / 318,4 = 1 233,542… → 1 233,54 (one exact division).
    expect(priceOf(index.plan('Alpha Conseil'), services.fee)).toMatchObject({ unitPriceCents: 123_354 });
    expect(index.plan('Alpha Conseil')).toMatchObject({ coefficient: '1.027952' });
  });

  it('refuses bad settings with their code: an unusual coefficient unconfirmed, a validity date passed, an index of zero', async () => {
    expectProblem(
      await collab.post('/campaigns', {
        name: 'Trop',
        settings: settings({ revaluation: { method: 'coefficient', coefficient: '1.8' } }),
      }),
      422,
      'REVALUATION.CONFIRMATION_REQUIRED',
    );
    expectProblem(
      await collab.post('/campaigns', { name: 'Tard', settings: settings({ validUntil: '2026-11-01' }) }),
      422,
      'CAMPAIGN.DATES_INVALID',
    );
    expectProblem(
      await collab.post('/campaigns', {
        name: 'Zéro',
        settings: settings({ revaluation: { method: 'index', referenceIndex: '0', newIndex: '327' } }),
      }),
      422,
      'REVALUATION.INDEX_INVALID',
    );
    const lecture = apiAs(ctx, firm.users.lecture.headers);
    expectProblem(
      await lecture.post('/campaigns', { name: 'Non', settings: settings() }),
      403,
      'AUTH.FORBIDDEN',
    );
  });

  it('R-D5 streams the generation’s progress as server-sent events until it is over', async () => {
    const created = await collab.post('/campaigns', {
      name: 'En direct',
      settings: settings({ selection: { serviceIds: [services.bookkeeping] } }),
    });
    // Only Bravo holds the bookkeeping service.
    const id = created.body.id as string;
    expect((await collab.post(`/campaigns/${id}/generate`)).status).toBe(202);
    const stream = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${id}/events`,
      headers: firm.users.lecture.headers,
    });
    expect(stream.statusCode).toBe(200);
    expect(String(stream.headers['content-type'])).toContain('text/event-stream');
    const events = stream.body
      .split('\n\n')
      .filter((chunk) => chunk.startsWith('event: progress'))
      .map((chunk) => JSON.parse(chunk.split('\ndata: ')[1] ?? '{}'));
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toEqual({
      status: 'generated',
      progress: { total: 1, pending: 0, generated: 1, skipped: 0, sent: 0, sendFailed: 0 },
    });
    expect((await collab.get(`/campaigns/${id}/events`)).status).toBe(200);
    expectProblem(await collab.get(`/campaigns/${crypto.randomUUID()}/events`), 404, 'RESOURCE.NOT_FOUND');
    // Its letter is cancelled: the campaigns below start from an untouched portfolio.
    const [item] = (await collab.get(`/campaigns/${id}/items`)).body.items;
    expect((await collab.post(`/documents/${item.documentId}/cancel`, { reason: 'Essai' })).status).toBe(200);
  });

  it('R-D5 generates one replacement letter per client, once, sends them in bulk listing the incomplete one, and follows them to completion', async () => {
    const created = await collab.post('/campaigns', {
      name: 'Campagne complète',
      settings: settings({
        exceptions: [{ engagementId: clients.charlie.engagement.id, action: 'leave_out', reason: null }],
      }),
    });
    const id = created.body.id as string;
    const [first, second] = await Promise.all([
      collab.post(`/campaigns/${id}/generate`),
      collab.post(`/campaigns/${id}/generate`),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    await ctx.drainJobs();
    expect((await collab.post(`/campaigns/${id}/generate`)).status).toBe(202);
    await ctx.drainJobs();

    const generated = (await collab.get(`/campaigns/${id}`)).body;
    expect(generated).toMatchObject({
      status: 'generated',
      progress: { total: 5, pending: 0, generated: 4, skipped: 1 },
      followUp: { byStatus: { draft: 4 } },
    });
    const letters = (await collab.get('/documents?kind=replacement_letter&status=draft&pageSize=200')).body
      .items;
    expect(letters).toHaveLength(4);
    const alphaLetter = letters.find((d: { companyName: string }) => d.companyName === 'Alpha Conseil');
    const alpha = (await collab.get(`/documents/${alphaLetter.id}`)).body.document;
    expect(alpha).toMatchObject({
      status: 'draft',
      effectiveDate: '2027-01-01',
      validUntil: '2026-12-31',
      coefficient: '1.03',
      replacesIds: [clients.alpha.letterId],
    });
    expect(alpha.lines.map((l: { unitPriceCents: number }) => l.unitPriceCents)).toEqual([123_600, 2_575]);
    // Another campaign now finds those clients with a replacement pending.
    const other = await collab.post('/campaigns', {
      name: 'Doublon',
      settings: settings({
        exceptions: [{ engagementId: clients.charlie.engagement.id, action: 'leave_out', reason: null }],
      }),
    });
    const { summary } = await previewOf(other.body.id);
    expect(summary.skippedByReason.replacement_pending).toBe(4);
    expectProblem(
      await collab.post(`/campaigns/${other.body.id}/generate`),
      422,
      'CAMPAIGN.NOTHING_TO_GENERATE',
    );

    // Echo's company loses its activity: its letter fails the completeness check (R-B4).
    const echo = (await collab.get(`/engagements/${clients.echo.engagement.id}`)).body;
    const company = (await collab.get(`/companies/${echo.engagement.companyId}`)).body.company;
    expect(
      (await collab.patch(`/companies/${company.id}`, { version: company.version, activity: '' })).status,
    ).toBe(200);
    expect((await collab.post(`/campaigns/${id}/send`)).status).toBe(202);
    await ctx.drainJobs();
    const sent = (await collab.get(`/campaigns/${id}`)).body;
    expect(sent).toMatchObject({
      status: 'sent',
      progress: { sent: 3, sendFailed: 1 },
      followUp: { byStatus: { sent: 3, draft: 1 } },
    });
    // Each letter sent opened its signing links, with the e-signature's reminders (R-B3); these
    // signatories have no e-mail, so only the associé's link is opened and the client signs on paper.
    const sentLetter = (await collab.get(`/campaigns/${id}/items?status=sent`)).body.items[0];
    const signing = (await collab.get(`/documents/${sentLetter.documentId}/signing`)).body;
    expect(signing.requests.map((r: { side: string }) => r.side)).toEqual(['firm']);
    const failed = (await collab.get(`/campaigns/${id}/items?status=send_failed`)).body.items;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      companyName: 'Echo Paysages',
      sendProblem: { code: 'DOCUMENT.INCOMPLETE' },
    });
    expect(failed[0].sendProblem.missing.join(' ')).toMatch(/ctivité/);

    // Alpha signs (client and associé), Bravo refuses, Delta's letter is cancelled, Echo's too.
    const items = (await collab.get(`/campaigns/${id}/items?pageSize=50`)).body.items;
    const letterOf = (name: string) =>
      items.find((i: { companyName: string }) => i.companyName === name).documentId;
    await sign(collab, letterOf('Alpha Conseil'), 'client');
    await sign(associe, letterOf('Alpha Conseil'), 'firm');
    expect(
      (await collab.post(`/documents/${letterOf('Bravo Transports')}/refuse`, { reason: 'Tarif trop élevé' }))
        .status,
    ).toBe(200);
    await ctx.drainJobs();
    const following = (await collab.get(`/campaigns/${id}`)).body;
    expect(following.status).toBe('sent');
    expect(following.followUp).toMatchObject({
      byStatus: { signed: 1, refused: 1, sent: 1, draft: 1 },
      feesSecuredCents: 339_900,
      feesPendingCents: 123_600 + 2 * 2_575 * 12,
      refusals: [{ companyName: 'Bravo Transports', reason: 'Tarif trop élevé' }],
    });
    // R-D1: Alpha's old letter is replaced by the campaign's.
    expect((await collab.get(`/documents/${clients.alpha.letterId}`)).body.document.status).toBe('replaced');

    for (const name of ['Delta Menuiserie', 'Echo Paysages'])
      expect((await collab.post(`/documents/${letterOf(name)}/cancel`, { reason: 'Reporté' })).status).toBe(
        200,
      );
    await ctx.drainJobs();
    expect((await collab.get(`/campaigns/${id}`)).body).toMatchObject({
      status: 'completed',
      followUp: { byStatus: { signed: 1, refused: 1, cancelled: 2, sent: 0, draft: 0 } },
    });
    const hooks = (await receiver).requests.map((r) => JSON.parse(r.rawBody));
    const ours = hooks.filter((h) => h.data.details?.campaignId === id);
    expect(ours.map((h) => h.type)).toEqual(['campaign.generated', 'campaign.completed']);
    expect(ours[0].data.details).toMatchObject({ generated: 4, skipped: 1 });
  });
  it('R-D5 two runs of the generation at once, one of them with two chunks in flight (campaignWorkers), share the work: still one letter per client', async () => {
    const created = await collab.post('/campaigns', { name: 'Deux ouvriers', settings: settings() });
    const id = created.body.id as string;
    const { summary } = await previewOf(id);
    expect(summary.planned).toBeGreaterThan(1);
    expect((await collab.post(`/campaigns/${id}/generate`)).status).toBe(202);
    // The queued job, plus two runs by hand, one client per transaction.
    const twoLoops = { ...ctx.deps, settings: { ...ctx.deps.settings, campaignWorkers: 2 } };
    await Promise.all([
      runCampaignGeneration(ctx.deps, { firmId: firm.firmId, campaignId: id, chunkSize: 1 }),
      runCampaignGeneration(twoLoops, { firmId: firm.firmId, campaignId: id, chunkSize: 1 }),
      ctx.drainJobs(),
    ]);
    await ctx.drainJobs();
    const campaign = (await collab.get(`/campaigns/${id}`)).body;
    expect(campaign).toMatchObject({
      status: 'generated',
      progress: { pending: 0, generated: summary.planned },
    });
    const items = (await collab.get(`/campaigns/${id}/items?status=generated&pageSize=200`)).body.items;
    expect(new Set(items.map((i: { documentId: string }) => i.documentId)).size).toBe(summary.planned);
    const drafts = await collab.get('/documents?kind=replacement_letter&status=draft&pageSize=1');
    expect(drafts.body.total).toBe(summary.planned);
  });
});
