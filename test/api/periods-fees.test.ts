import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REVISION_CLAUSE } from '../../src/domain/documents/defaults.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aProspect, send, sign } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { flowingText } from '../support/pdf.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  refreshSessions,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 14, items 1, 5 and 9 through the API: the letter a signed proposal creates, the revision
 * clause a firm's letters carry by default and keep when replaced, what an amendment does to the
 * fees (the API's figures and the PDF's words).
 */
describe(`periods, revision and amendment totals through the API (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  const ids = {} as Record<'bookkeeping' | 'situation' | 'engagement' | 'letter' | 'amendment', string>;

  const refresh = async (instant: string) => {
    ctx.clock.set(instant);
    await refreshSessions(ctx, firm);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
  };

  const signedProposal = async (engagementId: string, extra: object = {}) => {
    const created = await collab.post('/documents', {
      engagementId,
      kind: 'proposal',
      lines: [{ serviceId: ids.bookkeeping, quantity: 1 }],
      ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await send(collab, created.body.id);
    await sign(collab, created.body.id, 'client');
    return (await collab.get(`/documents/${created.body.id}`)).body.createdLetterId as string;
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-01-05T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    const by = firm.users.associe.id;
    ids.bookkeeping = (
      await aService(ctx, firm.firmId, by, {
        label: 'Tenue de la comptabilité',
        priceCents: 27_500,
        recurrence: 'monthly',
      })
    ).id;
    ids.situation = (
      await aService(ctx, firm.firmId, by, {
        label: 'Situation intermédiaire',
        description: 'Comptes intermédiaires trimestriels, sans annexe.',
        exclusions: 'Ces comptes ne sont ni audités ni certifiés.',
        taskSplit: [{ task: 'Inventaire trimestriel des stocks', who: 'client', frequency: 'trimestrielle' }],
        priceCents: 40_000,
        recurrence: 'quarterly',
      })
    ).id;
    await aTermsVersion(ctx, firm.firmId, {
      version: 1,
      effectiveFrom: '2025-01-01',
      title: 'Conditions générales',
    });
  });
  afterAll(() => ctx.close());

  it('item 5: a new proposal and the letter it creates carry the revision clause by default; a clause typed or removed stands', async () => {
    const engagement = await aProspect(collab, 'Boulangerie Martin');
    ids.engagement = engagement.id;
    const letterId = await signedProposal(engagement.id);
    expect((await collab.get(`/documents/${letterId}`)).body.document.revisionClause).toBe(
      DEFAULT_REVISION_CLAUSE,
    );
    const without = await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'engagement_letter',
      revisionClause: null,
      lines: [{ serviceId: ids.bookkeeping, quantity: 1 }],
    });
    expect(without.body.revisionClause).toBeNull();
    const workOrder = await collab.post('/documents', {
      engagementId: (await aProspect(collab, 'Garage Dubois')).id,
      kind: 'proposal',
      revisionClause: 'Révision selon l’indice Syntec, au 1er janvier.',
      lines: [{ serviceId: ids.bookkeeping, quantity: 1 }],
    });
    expect(workOrder.body.revisionClause).toBe('Révision selon l’indice Syntec, au 1er janvier.');
  });

  it('item 1: the letter a proposal signed on 25 September creates has a notice deadline a year later, not five days after the signature', async () => {
    await refresh('2026-09-25T09:00:00Z');
    const engagement = await aProspect(collab, 'Fromagerie Vidal');
    const letterId = await signedProposal(engagement.id);
    const view = (await collab.get(`/documents/${letterId}`)).body;
    expect(view.document.effectiveDate).toBe('2026-09-25');
    expect(view.term).toEqual({ periodEnd: '2027-12-31', noticeDeadline: '2027-09-30' });
    await send(collab, letterId);
    const text = await flowingText((await collab.download(`/documents/${letterId}/pdf`)).bytes);
    expect(text).toContain('Première période de 16 mois, du 25/09/2026 au 31/12/2027');
    expect(text).toContain('soit 16/12, 4 400,00 € HT');
    expect(text).toContain('16 mensualités de 275,00 € HT, de septembre 2026 à décembre 2027');
  });

  it('item 9: the amendment totals say what they are (change, new total, new monthly instalment) and the PDF describes the added service', async () => {
    await refresh('2026-01-06T09:00:00Z');
    const letter = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'engagement_letter',
      effectiveDate: '2026-01-01',
      revisionClause: 'Révision selon l’indice Syntec, au 1er janvier.',
      lines: [{ serviceId: ids.bookkeeping, quantity: 1 }],
    });
    ids.letter = letter.body.id;
    await send(collab, ids.letter);
    await sign(collab, ids.letter, 'client');
    await sign(associe, ids.letter, 'firm');
    const created = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'amendment',
      amendsLetterId: ids.letter,
      effectiveDate: '2026-03-01',
      changes: [{ op: 'add', line: { serviceId: ids.situation, quantity: 1 } }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.amendment = created.body.id;
    const view = (await collab.get(`/documents/${ids.amendment}`)).body;
    // 3 300,00 € a year, plus 4 × 400,00 €: 4 900,00 € HT, 5 880,00 € TTC; 408,33 € and 490,00 € a month.
    expect(view.amendmentImpact).toEqual({
      letterAnnualBeforeCents: 330_000,
      letterAnnualAfterCents: 490_000,
      effectiveDate: '2026-03-01',
      letterAnnualBeforeHtCents: 330_000,
      letterAnnualAfterHtCents: 490_000,
      annualChangeHtCents: 160_000,
      letterAnnualAfterTtcCents: 588_000,
      newMonthlyInstalmentHtCents: 40_833,
      newMonthlyInstalmentTtcCents: 49_000,
      // R-G2: a monthly letter's instalment is its monthly one.
      billingPeriod: 'monthly',
      newInstalmentHtCents: 40_833,
      newInstalmentTtcCents: 49_000,
    });
    await send(collab, ids.amendment);
    const text = await flowingText((await collab.download(`/documents/${ids.amendment}/pdf`)).bytes);
    expect(text).toContain('Missions ajoutées');
    expect(text).toContain('Comptes intermédiaires trimestriels, sans annexe.');
    expect(text).toContain('Ces comptes ne sont ni audités ni certifiés.');
    expect(text).toContain(
      'À compter du 01/03/2026, la mensualité des honoraires récurrents de la lettre est de 408,33 € HT, soit 490,00 € TTC',
    );
    expect(text).toContain('Modalités de paiement');
    await sign(collab, ids.amendment, 'client');
    await sign(associe, ids.amendment, 'firm');
  });

  it('item 5: a replacement letter keeps the revision clause of the letters it replaces and states its coefficient in words', async () => {
    await refresh('2026-11-02T09:00:00Z');
    const created = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'replacement_letter',
      effectiveDate: '2027-01-01',
      replacement: { replacesIds: [ids.letter], coefficient: '1,0375', confirmCoefficient: true },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.revisionClause).toBe('Révision selon l’indice Syntec, au 1er janvier.');
    await send(collab, created.body.id);
    const text = await flowingText((await collab.download(`/documents/${created.body.id}/pdf`)).bytes);
    expect(text).toContain('coefficient de 1,0375, soit une revalorisation de 3,75 %');
    expect(text).toContain('Clause de révision Révision selon l’indice Syntec, au 1er janvier.');
  });
});
