import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceBillingDue } from '../../src/application/billing/announce-billing-due.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import {
  aSignedAmendment,
  aSignedLetter,
  expectProblem,
  send,
  sign,
  signBoth as signBothSides,
} from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** Issue 17's worked cases through the API, one client's story from 2027 to its termination in 2028. */
describe(`after the signature: termination, schedule, recurring revenue (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  const ids: Record<string, string> = {};
  const id = (key: string): string => ids[key] ?? '';

  const signBoth = (documentId: string) => signBothSides(collab, associe, documentId);
  const schedule = async (from: string, to: string) => {
    const res = await collab.get(`/engagements/${ids.engagement}/schedule?from=${from}&to=${to}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as {
      entries: {
        month: string;
        type: string;
        number: string;
        sourceNumber: string;
        htCents: number;
        ttcCents: number;
      }[];
      months: { month: string; htCents: number }[];
      adjustments: { month: string; deltaHtCents: number }[];
    };
  };
  const recurringByMonth = async (from: string, to: string) =>
    Object.fromEntries(
      (await schedule(from, to)).entries
        .filter((e) => e.type === 'recurring')
        .map((e) => [e.month, e.htCents]),
    );

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-12-01T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    const by = firm.users.associe.id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    ids.compta = (await aService(ctx, firm.firmId, by, { priceCents: 10_000, recurrence: 'monthly' })).id;
    ids.paie = (
      await aService(ctx, firm.firmId, by, {
        label: 'Bulletins de paie',
        domain: 'social',
        priceCents: 5_000,
      })
    ).id;
    ids.attestation = (
      await aService(ctx, firm.firmId, by, {
        label: 'Attestation particulière',
        domain: 'conseil',
        priceCents: 15_000,
        recurrence: 'one_off',
      })
    ).id;
    const signed = await aSignedLetter(collab, associe, {
      name: 'Boulangerie Échéance',
      serviceId: ids.compta,
      effectiveDate: '2027-01-01',
    });
    ids.engagement = signed.engagementId;
    ids.letter = signed.letterId;
  });
  afterAll(() => ctx.close());

  it('R-G3 bills a letter of 1 200,00 €/year from 01/01/2027 in 12 × 100,00', async () => {
    expect(Object.values(await recurringByMonth('2027-01', '2027-12'))).toEqual(Array(12).fill(10_000));
  });

  it('R-G2 applies an amendment of +600,00 €/year from 01/04/2027: 100,00 for Jan–Mar, then 150,00', async () => {
    ids.amendment = (
      await aSignedAmendment(collab, associe, {
        engagementId: id('engagement'),
        letterId: id('letter'),
        effectiveDate: '2027-04-01',
        changes: [{ op: 'add', line: { serviceId: ids.paie, quantity: 1 } }],
      })
    ).id;
    const months = await recurringByMonth('2027-01', '2027-12');
    expect(Object.values(months)).toEqual([...Array(3).fill(10_000), ...Array(9).fill(15_000)]);
    const april = (await schedule('2027-04', '2027-04')).entries[0];
    expect(april?.sourceNumber).toMatch(/^LM-\d{4}-\d{4}-A01$/);
  });

  it('R-G2 bills a one-off line marked done on 15/05/2027 in May 2027, once', async () => {
    const order = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'work_order',
      lines: [{ serviceId: ids.attestation, quantity: 1 }],
    });
    await send(collab, order.body.id);
    await sign(collab, order.body.id, 'client');
    const lineId = order.body.lines[0].id;
    const done = await collab.post(`/documents/${order.body.id}/lines/${lineId}/done`, {
      doneOn: '2027-05-15',
    });
    expect(done.body).toEqual({ lineId, doneOn: '2027-05-15', alreadyDone: false });
    const again = await collab.post(`/documents/${order.body.id}/lines/${lineId}/done`, {
      doneOn: '2027-06-20',
    });
    expect(again.body).toEqual({ lineId, doneOn: '2027-05-15', alreadyDone: true });
    const oneOffs = (await schedule('2027-01', '2027-12')).entries.filter((e) => e.type === 'one_off');
    expect(oneOffs.map((e) => [e.month, e.htCents, e.ttcCents])).toEqual([['2027-05', 15_000, 18_000]]);
  });

  it('R-G2 refuses to mark done a recurring line', async () => {
    const letter = (await collab.get(`/documents/${ids.letter}`)).body.document;
    expectProblem(
      await collab.post(`/documents/${ids.letter}/lines/${letter.lines[0].id}/done`, {}),
      422,
      'BILLING.LINE_NOT_ONE_OFF',
    );
  });

  it('R-G2 stops the letter on 31/12/2027 and bills its replacement at 1,03 154,50 from January 2028', async () => {
    const created = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'replacement_letter',
      effectiveDate: '2028-01-01',
      replacement: { coefficient: '1.03' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.replacement = created.body.id;
    await signBoth(id('replacement'));
    const entries = (await schedule('2027-12', '2028-02')).entries;
    expect(entries.map((e) => [e.month, e.number?.slice(0, 3), e.htCents])).toEqual([
      ['2027-12', 'LM-', 15_000],
      ['2028-01', 'LMS', 15_450],
      ['2028-02', 'LMS', 15_450],
    ]);
  });

  it('R-G1 refuses an end date the notice period does not allow, unless agreed otherwise', async () => {
    const early = { requestedBy: 'client', reason: 'Cession du fonds', endDate: '2028-03-31' };
    const refused = await collab.post(`/documents/${ids.replacement}/terminate`, early);
    expectProblem(refused, 422, 'TERMINATION.NOTICE_NOT_RESPECTED');
    expect(refused.body.details).toEqual({ earliestEndDate: '2028-12-31' });
    const agreed = await collab.post(`/documents/${ids.replacement}/terminate`, {
      ...early,
      agreedOtherwise: true,
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(201);
    expect(agreed.body).toMatchObject({
      endDate: '2028-03-31',
      noticeRespected: false,
      agreedOtherwise: true,
    });
    expectProblem(
      await collab.post(`/documents/${ids.replacement}/terminate`, { ...early, agreedOtherwise: true }),
      409,
      'TERMINATION.ALREADY_TERMINATED',
    );
  });

  it('R-G1 bills nothing from April 2028 and takes the letter out of the scope after its end date', async () => {
    expect(Object.keys(await recurringByMonth('2028-01', '2028-12'))).toEqual([
      '2028-01',
      '2028-02',
      '2028-03',
    ]);
    const before = await collab.get(`/engagements/${ids.engagement}/scope?date=2028-03-31`);
    const after = await collab.get(`/engagements/${ids.engagement}/scope?date=2028-04-01`);
    expect(before.body.annualRecurringCents).toBe(185_400);
    expect(after.body.letters).toEqual([]);
  });

  it('R-G4 the bridge 2027 → 2028 shows the termination as the loss of the annual fees then in force', async () => {
    const res = await collab.get('/billing/revenue-bridge?from=2027-12-31&to=2028-12-31');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      startCents: 180_000,
      movements: {
        new_clients: 0,
        amendment_increases: 0,
        revaluation_increases: 5_400,
        decreases: 0,
        terminations: -185_400,
      },
      endCents: 0,
    });
    const revenue = await collab.get('/billing/recurring-revenue?date=2027-06-30');
    expect(revenue.body.totalCents).toBe(180_000);
    expect(revenue.body.byDomain).toEqual([
      { key: 'comptable', annualCents: 120_000 },
      { key: 'social', annualCents: 60_000 },
    ]);
  });

  it('exports a month for billing tools and reports a later change to it as an adjustment', async () => {
    const csv = await collab.get('/billing/schedule.csv?from=2027-05&to=2027-05');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = String(csv.body);
    expect(text.startsWith('\uFEFFMois;Code client;Client;')).toBe(true);
    expect(text).toContain('2027-05;');
    expect(text).toContain(';20,00;150,00;30,00;180,00');
    const exported = await collab.post('/billing/exports', { month: '2027-05' });
    expect(exported.body).toMatchObject({ month: '2027-05', alreadyExported: false });
    expect((await schedule('2027-05', '2027-05')).adjustments).toEqual([]);
    const order = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'work_order',
      lines: [{ serviceId: ids.attestation, quantity: 2 }],
    });
    await send(collab, order.body.id);
    await sign(collab, order.body.id, 'client');
    await collab.post(`/documents/${order.body.id}/lines/${order.body.lines[0].id}/done`, {
      doneOn: '2027-05-31',
    });
    const adjustments = (await schedule('2027-05', '2027-05')).adjustments;
    expect(adjustments.map((a) => [a.month, a.deltaHtCents])).toEqual([['2027-05', 30_000]]);
    expect((await collab.post('/billing/exports', { month: '2027-05' })).body.alreadyExported).toBe(true);
  });

  it('answers the firm-wide schedule and refuses a range of months backwards', async () => {
    const res = await collab.get('/billing/schedule?from=2027-01&to=2027-03');
    expect(res.body.months.map((m: { htCents: number }) => m.htCents)).toEqual([10_000, 10_000, 10_000]);
    expectProblem(
      await collab.get('/billing/schedule?from=2027-03&to=2027-01'),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
  });
  it('pages the firm’s entries: the pages together are the full export, and the months total them', async () => {
    type Entry = {
      month: string;
      htCents: number;
      vatCents: number;
      vat: { rateBp: number; baseCents: number; vatCents: number }[];
    };
    const range = 'from=2027-01&to=2028-03';
    const full = await collab.get(`/billing/schedule.json?${range}`);
    expect(full.status).toBe(200);
    expect(full.headers['content-disposition']).toContain('echeancier-2027-01-2028-03.json');
    const all = full.body.entries as Entry[];
    expect(all.length).toBeGreaterThan(12);
    const paged: Entry[] = [];
    let total = 1;
    for (let page = 1; (page - 1) * 4 < total; page += 1) {
      const res = await collab.get(`/billing/schedule?${range}&page=${page}&pageSize=4`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      total = res.body.entries.total;
      paged.push(...res.body.entries.items);
    }
    expect(paged).toEqual(all);
    const months = new Map<
      string,
      { htCents: number; vatCents: number; rates: Map<number, [number, number]> }
    >();
    for (const entry of all) {
      const month = months.get(entry.month) ?? { htCents: 0, vatCents: 0, rates: new Map() };
      month.htCents += entry.htCents;
      month.vatCents += entry.vatCents;
      for (const rate of entry.vat) {
        const [base, vat] = month.rates.get(rate.rateBp) ?? [0, 0];
        month.rates.set(rate.rateBp, [base + rate.baseCents, vat + rate.vatCents]);
      }
      months.set(entry.month, month);
    }
    const first = await collab.get(`/billing/schedule?${range}`);
    expect(first.body.entries).toMatchObject({ total: all.length, page: 1, pageSize: 50 });
    expect(first.body.months).toEqual(
      [...months].map(([month, m]) => ({
        month,
        htCents: m.htCents,
        vatCents: m.vatCents,
        ttcCents: m.htCents + m.vatCents,
        vat: [...m.rates]
          .sort(([a], [b]) => b - a)
          .map(([rateBp, [baseCents, vatCents]]) => ({ rateBp, baseCents, vatCents })),
      })),
    );
    const csv = String((await collab.get(`/billing/schedule.csv?${range}`)).body);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + all.reduce((sum, e) => sum + e.vat.length, 0));
  });

  it('reads the portfolio’s figures only (the totals’ read) as the whole read has them, on either driver', async () => {
    const billing = ctx.deps.store.read(firm.firmId).billing;
    const whole = await billing.listRecords();
    const figures = await billing.listRecords({ figuresOnly: true });
    expect(whole.flatMap((r) => r.documents.flatMap((d) => d.lines)).length).toBeGreaterThan(3);
    const withoutWords = whole.map((record) => ({
      ...record,
      documents: record.documents.map((doc) => ({
        ...doc,
        // The read keeps the timestamps to the millisecond.
        signedAt: doc.signedAt && new Date(Math.trunc(doc.signedAt.getTime())),
        lines: doc.lines.map((line) => ({ ...line, label: '', serviceId: null, unitLabel: null })),
      })),
    }));
    expect(figures).toEqual(withoutWords);
  });

  it('announces a month’s billing once, with its totals and the link to its entries', async () => {
    const count = async () => {
      const result = await ctx.database.db.execute(
        sql`select count(*)::int as n from events where firm_id = ${firm.firmId} and type = 'billing.due'`,
      );
      return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n);
    };
    expect(await announceBillingDue(ctx.deps, { firmId: firm.firmId, month: '2027-05' })).toBe(true);
    expect(await announceBillingDue(ctx.deps, { firmId: firm.firmId, month: '2027-05' })).toBe(false);
    expect(await count()).toBe(1);
    const result = await ctx.database.db.execute(
      sql`select data from events where firm_id = ${firm.firmId} and type = 'billing.due'`,
    );
    const data = (result as unknown as { rows: { data: Record<string, unknown> }[] }).rows[0]?.data;
    const may = (await collab.get('/billing/schedule?from=2027-05&to=2027-05')).body;
    expect(data).toEqual({
      month: '2027-05',
      entries: may.entries.total,
      htCents: may.months[0].htCents,
      vatCents: may.months[0].vatCents,
      ttcCents: may.months[0].ttcCents,
      vat: may.months[0].vat,
      entriesUrl: expect.stringMatching(
        /^https?:\/\/.+\/api\/v1\/billing\/schedule\?from=2027-05&to=2027-05&page=1&pageSize=200$/,
      ),
    });
    // The hourly runs after it write nothing: the month's counter stays as it was.
    const counter = async () =>
      (
        (await ctx.database.db.execute(
          sql`select xmin::text as x, value from counters where firm_id = ${firm.firmId} and series = 'billing-due-2027-05'`,
        )) as unknown as { rows: { x: string; value: number }[] }
      ).rows[0];
    const before = await counter();
    await announceBillingDue(ctx.deps, { firmId: firm.firmId, month: '2027-05' });
    expect(await counter()).toEqual(before);
  });
});
