import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/application/records.ts';
import { computeTotals } from '../../src/domain/documents/fees.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

describe(`the store (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let other: FirmSession;
  let engagementId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
    other = await aFirmWithUsers(ctx, 'Cabinet Voisin');
    const scope = ctx.deps.store.read(firm.firmId);
    const companyId = randomUUID();
    const at = ctx.clock.now();
    await scope.companies.insert({
      id: companyId,
      name: 'Garage Durand',
      isIndividual: false,
      legalForm: 'SARL',
      siren: '732829320',
      siret: null,
      nafCode: null,
      activity: null,
      addressLine1: null,
      addressLine2: null,
      postalCode: null,
      city: null,
      country: 'FR',
      fiscalYearEnd: '12-31',
      vatRegime: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    engagementId = randomUUID();
    await scope.engagements.insert({
      id: engagementId,
      companyId,
      title: 'Garage Durand',
      state: 'prospect',
      responsibleUserId: firm.users.associe.id,
      signatoryContactId: null,
      clientCode: null,
      convertedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  });
  afterAll(() => ctx.close());

  const aDraft = (overrides: Partial<Document> = {}) => {
    const lineId = randomUUID();
    const lines = [
      {
        id: lineId,
        position: 0,
        operation: 'line' as const,
        targetLineId: null,
        changedFields: null,
        originLineId: null,
        serviceId: null,
        label: 'Tenue de la comptabilité',
        description: null,
        unitLabel: null,
        quantity: '7.5',
        unitPriceCents: 2575,
        vatRateBp: 2000,
        recurrence: 'monthly' as const,
      },
    ];
    return {
      id: randomUUID(),
      engagementId,
      kind: 'proposal' as const,
      status: 'draft' as const,
      number: null,
      title: 'Offre',
      validUntil: '2026-12-31',
      effectiveDate: null,
      durationMonths: 12,
      renewal: 'tacit' as const,
      noticeMonths: 3,
      billingPeriod: 'monthly' as const,
      paymentTerms: null,
      revisionClause: null,
      notes: null,
      termsVersionId: null,
      amendsLetterId: null,
      sourceProposalId: null,
      duplicatedFromId: null,
      coefficient: null,
      replacesIds: [],
      basedOnAmendmentIds: null,
      campaignId: null,
      firmSignatoryId: null,
      totals: computeTotals(lines),
      frozen: null,
      signingDeadline: null,
      sentAt: null,
      signedAt: null,
      refusedAt: null,
      refusalReason: null,
      expiredAt: null,
      cancelledAt: null,
      cancelReason: null,
      replacedAt: null,
      replacedById: null,
      createdBy: firm.users.associe.id,
      createdAt: ctx.clock.now(),
      lines,
      ...overrides,
    };
  };

  it('keeps exact decimal quantities, cents and ISO dates on the way back', async () => {
    const draft = aDraft();
    await ctx.deps.store.read(firm.firmId).documents.insert(draft);
    const found = await ctx.deps.store.read(firm.firmId).documents.find(draft.id);
    expect(found?.lines[0]).toMatchObject({ quantity: '7.5', unitPriceCents: 2575 });
    expect(found?.validUntil).toBe('2026-12-31');
    expect(found?.totals.annualRecurringHtCents).toBe(231_756);
    expect(found?.version).toBe(1);
  });

  it('never finds a document from another firm', async () => {
    const draft = aDraft();
    await ctx.deps.store.read(firm.firmId).documents.insert(draft);
    expect(await ctx.deps.store.read(other.firmId).documents.find(draft.id)).toBeUndefined();
  });

  it('a save based on a stale version writes nothing', async () => {
    const draft = aDraft();
    const documents = ctx.deps.store.read(firm.firmId).documents;
    await documents.insert(draft);
    const current = await documents.find(draft.id);
    if (!current) throw new Error('missing');
    const at = ctx.clock.now();
    expect(await documents.save({ ...current, title: 'Première' }, { expectedVersion: 1, at })).toMatchObject(
      { version: 2 },
    );
    expect(
      await documents.save({ ...current, title: 'Seconde' }, { expectedVersion: 1, at }),
    ).toBeUndefined();
    expect((await documents.find(draft.id))?.title).toBe('Première');
  });

  it('R-B5 gives gapless numbers to concurrent transactions and takes back those rolled back', async () => {
    const series = `OS-${randomUUID().slice(0, 4)}`;
    const draws = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        ctx.deps.store.transaction(firm.firmId, async (scope) => {
          const value = await scope.counters.next(series);
          if (i % 4 === 3) throw new Error('rolled back');
          return value;
        }),
      ),
    );
    const values = draws.flatMap((d) => (d.status === 'fulfilled' ? [d.value] : [])).sort((a, b) => a - b);
    expect(values).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
  });

  it('R-B3 records one signature per side, whatever the concurrency', async () => {
    const draft = aDraft({ status: 'sent', number: `OS-TEST-${randomUUID().slice(0, 4)}` });
    await ctx.deps.store.read(firm.firmId).documents.insert(draft);
    const signature = () => ({
      id: randomUUID(),
      documentId: draft.id,
      side: 'client' as const,
      method: 'paper' as const,
      signatoryName: 'Paul Durand',
      capacity: 'Gérant',
      contactId: null,
      userId: null,
      signedOn: '2026-11-29',
      scanFileName: null,
      scanContentType: null,
      scanBase64: null,
      recordedBy: firm.users.associe.id,
      recordedAt: ctx.clock.now(),
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        ctx.deps.store.transaction(firm.firmId, (scope) => scope.signatures.insert(signature())),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await ctx.deps.store.read(firm.firmId).signatures.listByDocument(draft.id)).toHaveLength(1);
  });

  it('R-B2 the database itself refuses a second letter for one proposal', async () => {
    const proposal = aDraft({ status: 'signed' });
    const documents = ctx.deps.store.read(firm.firmId).documents;
    await documents.insert(proposal);
    const letter = () => aDraft({ kind: 'engagement_letter', sourceProposalId: proposal.id });
    await documents.insert(letter());
    await expect(documents.insert(letter())).rejects.toThrow();
  });

  it('finds engagements by the beginning of their SIREN and by name, within the firm only', async () => {
    const filter = { sort: 'updatedAt' as const, direction: 'desc' as const, page: 1, pageSize: 10 };
    const bySiren = await ctx.deps.store.read(firm.firmId).engagements.list({ ...filter, search: '732 829' });
    expect(bySiren.items.map((e) => e.companyName)).toEqual(['Garage Durand']);
    const byName = await ctx.deps.store.read(firm.firmId).engagements.list({ ...filter, search: 'durand' });
    expect(byName.total).toBe(1);
    const elsewhere = await ctx.deps.store
      .read(other.firmId)
      .engagements.list({ ...filter, search: 'durand' });
    expect(elsewhere.total).toBe(0);
  });

  it('an idempotency key left pending by a request that died is taken over by the retry', async () => {
    const keys = ctx.deps.store.read(firm.firmId).idempotency;
    const at = new Date('2026-11-29T09:00:00Z');
    const times = (minutes: number) => {
      const now = new Date(at.getTime() + minutes * 60_000);
      return { now, abandonedBefore: new Date(now.getTime() - 2 * 60_000) };
    };
    expect(await keys.claim('k-crash', 'h1', times(0))).toEqual({ state: 'new' });
    expect(await keys.claim('k-crash', 'h1', times(1))).toEqual({ state: 'pending', requestHash: 'h1' });
    expect(await keys.claim('k-crash', 'h1', times(3))).toEqual({ state: 'new' });
    await keys.complete('k-crash', 201, { id: 'x' });
    expect(await keys.claim('k-crash', 'h1', times(10))).toMatchObject({ state: 'done', statusCode: 201 });
  });
});
