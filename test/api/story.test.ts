import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  refreshSessions,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * The whole story of issue #2 through HTTP: prospect → proposal → signed → letter → client →
 * amendment → scope on two dates → replacement letter with 1,03 and terms v2 → work order. Each step
 * needs the ones before it, so the story is one test (it runs alone, with `-t`, as well as with the
 * file); its steps are the rules they name.
 */
describe(`the engagement story through the API (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-01-05T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  const collab = () => apiAs(ctx, firm.users.collaborateur.headers);
  const associe = () => apiAs(ctx, firm.users.associe.headers);

  it('R-A1 R-A2 R-A4 R-A5 R-B2 R-B3 R-B4 R-B5 R-C2 R-C3 R-C4 R-D1 R-D2 R-D3: prospect to work order, one step after another', async () => {
    const ids: Record<string, string> = {};

    // prepares a catalogue and two versions of the terms
    {
      const by = firm.users.associe.id;
      ids.bookkeeping = (
        await aService(ctx, firm.firmId, by, {
          label: 'Tenue de la comptabilité',
          priceCents: 120_000,
          recurrence: 'yearly',
        })
      ).id;
      ids.payslip = (
        await aService(ctx, firm.firmId, by, {
          label: 'Bulletin de paie',
          domain: 'social',
          pricingMode: 'unit',
          unitLabel: 'bulletin',
          priceCents: 2_500,
          recurrence: 'monthly',
        })
      ).id;
      ids.creation = (
        await aService(ctx, firm.firmId, by, {
          label: 'Création de société',
          domain: 'juridique',
          priceCents: 120_000,
          recurrence: 'one_off',
        })
      ).id;
      ids.terms1 = (await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' })).id;
      ids.terms2 = (await aTermsVersion(ctx, firm.firmId, { version: 2, effectiveFrom: '2026-06-01' })).id;
    }

    // R-A1 creates a prospect engagement with its company and signatory
    {
      const res = await collab().post('/engagements', {
        company: {
          name: 'Boulangerie Martin',
          legalForm: 'SARL',
          siren: '732 829 320',
          fiscalYearEnd: '12-31',
          activity: 'Boulangerie-pâtisserie',
          addressLine1: '12 rue Paul Bert',
          postalCode: '69003',
          city: 'Lyon',
        },
        signatory: {
          firstName: 'Paul',
          lastName: 'Martin',
          capacity: 'Gérant',
          email: 'paul@boulangerie.test',
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ state: 'prospect', clientCode: null });
      ids.engagement = res.body.id;
    }
    for (const kind of ['amendment', 'work_order', 'replacement_letter']) {
      const res = await collab().post('/documents', { engagementId: ids.engagement, kind, lines: [] });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ENGAGEMENT.DOCUMENT_KIND_NOT_ALLOWED');
    }

    // R-B4 R-B5 sends a proposal: numbered OS-2026-0001 and frozen
    {
      const created = await collab().post('/documents', {
        engagementId: ids.engagement,
        kind: 'proposal',
        validUntil: '2026-02-28',
        lines: [{ serviceId: ids.bookkeeping, quantity: 1 }],
      });
      expect(created.status).toBe(201);
      expect(created.body.totals).toMatchObject({
        totalHtCents: 120_000,
        totalVatCents: 24_000,
        totalTtcCents: 144_000,
      });
      ids.proposal = created.body.id;
      const sent = await collab().post(`/documents/${ids.proposal}/send`);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      expect(sent.body).toMatchObject({ status: 'sent', number: 'OS-2026-0001', isFrozen: true });
      const edit = await collab().patch(`/documents/${ids.proposal}`, {
        version: sent.body.version,
        title: 'Autre',
      });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('DOCUMENT.NOT_EDITABLE');
    }

    // R-B2 R-A5 the client signs the proposal: one draft letter appears, the prospect stays a prospect
    {
      const res = await collab().post(`/documents/${ids.proposal}/signatures`, {
        side: 'client',
        method: 'paper',
      });
      expect(res.status).toBe(201);
      expect(res.body.document.status).toBe('signed');
      const proposal = await collab().get(`/documents/${ids.proposal}`);
      ids.letter = proposal.body.createdLetterId;
      const letter = await collab().get(`/documents/${ids.letter}`);
      expect(letter.body.document).toMatchObject({
        kind: 'engagement_letter',
        status: 'draft',
        sourceProposalId: ids.proposal,
      });
      expect(letter.body.document.lines).toHaveLength(1);
      expect(letter.body.document.termsVersionId).toBe(ids.terms1);
      expect((await collab().get(`/engagements/${ids.engagement}`)).body.engagement.state).toBe('prospect');
    }

    // R-B3 R-A4 the letter signed by client and associé turns the prospect into a client
    {
      await collab().patch(`/documents/${ids.letter}`, {
        version: (await collab().get(`/documents/${ids.letter}`)).body.document.version,
        effectiveDate: '2026-01-01',
      });
      expect((await collab().post(`/documents/${ids.letter}/send`)).body.number).toBe('LM-2026-0001');
      const client = await collab().post(`/documents/${ids.letter}/signatures`, {
        side: 'client',
        signedOn: '2026-01-05',
      });
      expect(client.body.document.status).toBe('sent');
      const byCollaborator = await collab().post(`/documents/${ids.letter}/signatures`, { side: 'firm' });
      expect(byCollaborator.body.code).toBe('DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE');
      const firmSide = await associe().post(`/documents/${ids.letter}/signatures`, { side: 'firm' });
      expect(firmSide.body.document.status).toBe('signed');
      const engagement = (await collab().get(`/engagements/${ids.engagement}`)).body.engagement;
      expect(engagement).toMatchObject({ state: 'client', clientCode: 'CLI00001' });
      const letter = (await collab().get(`/documents/${ids.letter}`)).body;
      expect(letter.term).toEqual({ periodEnd: '2026-12-31', noticeDeadline: '2026-09-30' });
      const history = (await collab().get(`/engagements/${ids.engagement}/history`)).body.items;
      expect(history.filter((e: { type: string }) => e.type === 'engagement.converted')).toHaveLength(1);
    }

    // R-C2 R-C3 an amendment adds payslips from 1 March; the scope differs the day before and after
    {
      const letterLine = (await collab().get(`/documents/${ids.letter}`)).body.document.lines[0];
      const created = await collab().post('/documents', {
        engagementId: ids.engagement,
        kind: 'amendment',
        amendsLetterId: ids.letter,
        effectiveDate: '2026-03-01',
        changes: [{ op: 'add', line: { serviceId: ids.payslip, quantity: 7 } }],
      });
      expect(created.status).toBe(201);
      ids.amendment = created.body.id;
      const draftView = (await collab().get(`/documents/${ids.amendment}`)).body;
      expect(draftView.amendmentImpact).toMatchObject({
        letterAnnualBeforeCents: 120_000,
        letterAnnualAfterCents: 330_000,
        annualChangeHtCents: 210_000,
      });
      expect((await collab().post(`/documents/${ids.amendment}/send`)).body.number).toBe('LM-2026-0001-A01');
      await collab().post(`/documents/${ids.amendment}/signatures`, { side: 'client' });
      expect(
        (await associe().post(`/documents/${ids.amendment}/signatures`, { side: 'firm' })).body.document
          .status,
      ).toBe('signed');

      const before = (await collab().get(`/engagements/${ids.engagement}/scope?date=2026-02-28`)).body;
      expect(before.lines.map((l: { lineId: string }) => l.lineId)).toEqual([letterLine.id]);
      expect(before.annualRecurringCents).toBe(120_000);
      const after = (await collab().get(`/engagements/${ids.engagement}/scope?date=2026-03-01`)).body;
      expect(after.lines).toHaveLength(2);
      // 7 payslips × 25,00 € = 175,00 € a month, 2 100,00 € a year, plus 1 200,00 €.
      expect(after.annualRecurringCents).toBe(120_000 + 210_000);
    }

    // R-D1 R-D2 R-D3 a replacement letter with 1,03 and terms v2 replaces the letter and its amendment
    {
      ctx.clock.set('2026-09-15T09:00:00Z');
      await refreshSessions(ctx, firm);
      const created = await collab().post('/documents', {
        engagementId: ids.engagement,
        kind: 'replacement_letter',
        effectiveDate: '2027-01-01',
        replacement: { coefficient: '1,03' },
      });
      expect(created.status).toBe(201);
      const doc = created.body;
      ids.replacement = doc.id;
      expect(doc.replacesIds).toEqual([ids.letter]);
      expect(doc.termsVersionId).toBe(ids.terms2);
      expect(doc.lines.map((l: { unitPriceCents: number }) => l.unitPriceCents)).toEqual([123_600, 2_575]);
      expect(doc.lines[1].quantity).toBe('7');
      expect((await collab().post(`/documents/${ids.replacement}/send`)).body.number).toBe('LMS-2026-0001');
      await collab().post(`/documents/${ids.replacement}/signatures`, { side: 'client' });
      await associe().post(`/documents/${ids.replacement}/signatures`, { side: 'firm' });
      for (const id of [ids.letter, ids.amendment]) {
        expect((await collab().get(`/documents/${id}`)).body.document.status).toBe('replaced');
      }
      const scope2026 = (await collab().get(`/engagements/${ids.engagement}/scope?date=2026-12-31`)).body;
      expect(scope2026.letters.map((l: { letterId: string }) => l.letterId)).toEqual([ids.letter]);
      const scope2027 = (await collab().get(`/engagements/${ids.engagement}/scope?date=2027-01-01`)).body;
      expect(scope2027.letters.map((l: { letterId: string }) => l.letterId)).toEqual([ids.replacement]);
      // 1 236,00 € + 12 × 7 × 25,75 € = 1 236,00 + 2 163,00
      expect(scope2027.annualRecurringCents).toBe(123_600 + 216_300);
    }

    // R-C4 a work order for a company creation is flagged outside the scope in force
    {
      const created = await collab().post('/documents', {
        engagementId: ids.engagement,
        kind: 'work_order',
        lines: [
          { serviceId: ids.creation, quantity: 1 },
          { serviceId: ids.bookkeeping, quantity: 1, recurrence: 'one_off', label: 'Reprise comptable' },
        ],
      });
      expect(created.status).toBe(201);
      const view = (await collab().get(`/documents/${created.body.id}`)).body;
      expect(view.outsideScopeLineIds).toEqual([created.body.lines[0].id]);
      const recurring = await collab().post('/documents', {
        engagementId: ids.engagement,
        kind: 'work_order',
        lines: [{ serviceId: ids.payslip, quantity: 1 }],
      });
      expect(recurring.status).toBe(422);
      expect(recurring.body.code).toBe('DOCUMENT.LINE_NOT_ALLOWED');
    }
  });
});
