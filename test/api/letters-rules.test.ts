import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import {
  aClient,
  aProspect,
  aSentProposal,
  aSignedAmendment,
  expectProblem,
  send,
  sign,
} from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  refreshSessions,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

describe(`letters, their terms and their replacements (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  let serviceId: string;
  let payslipId: string;
  let terms2027: string;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    serviceId = (
      await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 120_000, recurrence: 'yearly' })
    ).id;
    payslipId = (
      await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 2_500, recurrence: 'monthly' })
    ).id;
  });
  afterAll(() => ctx.close());

  it('R-D6 a letter cannot be sent without a version of the terms', async () => {
    const engagement = await aProspect(collab, 'Sans conditions');
    const letter = await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'engagement_letter',
      lines: [{ serviceId, quantity: 1 }],
    });
    expect(letter.body.termsVersionId).toBeNull();
    expectProblem(await collab.post(`/documents/${letter.body.id}/send`), 422, 'TERMS.NONE_CURRENT');
  });

  it('R-D2 a replacement letter effective next year carries the terms in force on that date', async () => {
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    terms2027 = (await aTermsVersion(ctx, firm.firmId, { version: 2, effectiveFrom: '2027-01-01' })).id;
    const { engagement } = await aClient(collab, associe, serviceId, 'Garage du Futur');
    const replacement = await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'replacement_letter',
      effectiveDate: '2027-01-01',
    });
    expect(replacement.status).toBe(201);
    expect(replacement.body.termsVersionId).toBe(terms2027);
  });

  it('R-D2 a draft replacement letter can be edited, each line keeping the scope line it came from', async () => {
    const { engagement, letterLineId } = await aClient(collab, associe, serviceId, 'Boulangerie Révisée');
    const created = (
      await collab.post('/documents', { engagementId: engagement.id, kind: 'replacement_letter' })
    ).body;
    const [prefilled] = created.lines;
    expect(prefilled.originLineId).toBe(letterLineId);
    const edited = await collab.patch(`/documents/${created.id}`, {
      version: created.version,
      lines: [
        { id: prefilled.id, serviceId, quantity: 1, unitPriceCents: 130_000 },
        { serviceId: payslipId, quantity: 3 },
      ],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.lines.map((l: { originLineId: string | null }) => l.originLineId)).toEqual([
      letterLineId,
      null,
    ]);
    expect(edited.body.totals.annualRecurringHtCents).toBe(130_000 + 12 * 3 * 2_500);
  });

  it('refuses, rather than drops, content meant for another kind of document', async () => {
    const engagement = await aProspect(collab, 'Mauvais contenu');
    const res = await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'proposal',
      lines: [{ serviceId, quantity: 1 }],
      changes: [{ op: 'remove', targetLineId: serviceId }],
      replacement: { coefficient: '1.03' },
    });
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    const fields = res.body.details.fields.map((f: { field: string }) => f.field).join(' ');
    expect(fields).toContain('changes');
    expect(fields).toContain('replacement');
  });

  it('R-D2 a replacement letter prepared before an amendment was signed cannot be sent until prepared again', async () => {
    const { engagement, letterId } = await aClient(collab, associe, serviceId, 'Cave Changeante');
    const replacement = (
      await collab.post('/documents', { engagementId: engagement.id, kind: 'replacement_letter' })
    ).body;
    ctx.clock.set('2026-11-30T09:00:00Z');
    await refreshSessions(ctx, firm);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    await aSignedAmendment(collab, associe, {
      engagementId: engagement.id,
      letterId,
      changes: [{ op: 'add', line: { serviceId: payslipId, quantity: 2 } }],
    });

    const stale = await collab.post(`/documents/${replacement.id}/send`);
    expectProblem(stale, 409, 'DOCUMENT.SCOPE_CHANGED');
    const fresh = (
      await collab.post('/documents', { engagementId: engagement.id, kind: 'replacement_letter' })
    ).body;
    expect(fresh.lines).toHaveLength(2);
    const sent = await collab.post(`/documents/${fresh.id}/send`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  });

  it('R-B4 sending with the version read refuses a document a colleague changed meanwhile', async () => {
    const engagement = await aProspect(collab, 'Envoi Tardif');
    const draft = (
      await collab.post('/documents', {
        engagementId: engagement.id,
        kind: 'proposal',
        lines: [{ serviceId, quantity: 1 }],
      })
    ).body;
    await associe.patch(`/documents/${draft.id}`, {
      version: draft.version,
      title: 'Offre revue par l’associée',
    });
    expectProblem(
      await collab.post(`/documents/${draft.id}/send`, { version: draft.version }),
      409,
      'EDIT.STALE_VERSION',
    );
    expect(
      (await collab.post(`/documents/${draft.id}/send`, { version: draft.version + 1 })).body.status,
    ).toBe('sent');
  });

  it('R-B3 a signature cannot be dated in the future', async () => {
    const engagement = await aProspect(collab, 'Signature Future');
    const draft = await aSentProposal(collab, engagement.id, serviceId);
    const res = await collab.post(`/documents/${draft.id}/signatures`, {
      side: 'client',
      signedOn: '2030-01-01',
    });
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    expect((await collab.get(`/documents/${draft.id}`)).body.signatures).toEqual([]);
  });

  it('R-C2 R-C3 two amendments of one line, one on its price and one on its quantity, both apply', async () => {
    const { engagement, letterId, letterLineId } = await aClient(
      collab,
      associe,
      serviceId,
      'Double Avenant',
    );
    const amend = async (effectiveDate: string, change: object) => {
      const created = await collab.post('/documents', {
        engagementId: engagement.id,
        kind: 'amendment',
        amendsLetterId: letterId,
        effectiveDate,
        changes: [{ op: 'modify', targetLineId: letterLineId, ...change }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.id as string;
    };
    // Both drafted before either is signed: each holds the line as it stood then.
    const onPrice = await amend('2027-03-01', { unitPriceCents: 150_000 });
    const onQuantity = await amend('2027-04-01', { quantity: 2 });
    for (const id of [onPrice, onQuantity]) {
      await send(collab, id);
      await sign(collab, id, 'client');
      await sign(associe, id, 'firm');
    }
    const scope = (await collab.get(`/engagements/${engagement.id}/scope?date=2027-05-01`)).body;
    expect(
      scope.lines.map((l: { quantity: string; unitPriceCents: number }) => [l.quantity, l.unitPriceCents]),
    ).toEqual([['2', 150_000]]);
    expect(scope.annualRecurringCents).toBe(300_000);
    // Sent after the price amendment was signed, the quantity amendment shows the line as it stood.
    const sent = (await collab.get(`/documents/${onQuantity}`)).body.document;
    expect([sent.lines[0].quantity, sent.lines[0].unitPriceCents, sent.lines[0].changedFields]).toEqual([
      '2',
      150_000,
      ['quantity'],
    ]);
  });

  it('R-D2 duplicating a stale replacement letter does not make it current', async () => {
    const { engagement, letterId } = await aClient(collab, associe, serviceId, 'Duplicata Périmé');
    const stale = (
      await collab.post('/documents', { engagementId: engagement.id, kind: 'replacement_letter' })
    ).body;
    await aSignedAmendment(collab, associe, {
      engagementId: engagement.id,
      letterId,
      changes: [{ op: 'add', line: { serviceId: payslipId, quantity: 1 } }],
    });
    await collab.post(`/documents/${stale.id}/cancel`, { reason: 'Périmètre changé' });
    const copy = (await collab.post(`/documents/${stale.id}/duplicate`)).body;
    expectProblem(await collab.post(`/documents/${copy.id}/send`), 409, 'DOCUMENT.SCOPE_CHANGED');
  });

  it('R-D1 R-D2 an amendment signed while the replacement awaits its signatures blocks the last one', async () => {
    const { engagement, letterId } = await aClient(collab, associe, serviceId, 'Signature Tardive');
    const replacement = (
      await collab.post('/documents', { engagementId: engagement.id, kind: 'replacement_letter' })
    ).body;
    await send(collab, replacement.id);
    await sign(collab, replacement.id, 'client');
    const amendment = await aSignedAmendment(collab, associe, {
      engagementId: engagement.id,
      letterId,
      changes: [{ op: 'add', line: { serviceId: payslipId, quantity: 1 } }],
    });
    expectProblem(
      await associe.post(`/documents/${replacement.id}/signatures`, { side: 'firm' }),
      409,
      'DOCUMENT.SCOPE_CHANGED',
    );
    expect((await collab.get(`/documents/${amendment.id}`)).body.document.status).toBe('signed');
  });

  it('R-D2 a replacement letter dated before a signed amendment takes effect is refused', async () => {
    const { engagement, letterId } = await aClient(collab, associe, serviceId, 'Avenant Futur');
    await aSignedAmendment(collab, associe, {
      engagementId: engagement.id,
      letterId,
      changes: [{ op: 'add', line: { serviceId: payslipId, quantity: 1 } }],
      effectiveDate: '2027-03-01',
    });
    const early = await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'replacement_letter',
      effectiveDate: '2027-01-01',
    });
    expectProblem(early, 422, 'DOCUMENT.AMENDMENT_AFTER_REPLACEMENT');
    const later = await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'replacement_letter',
      effectiveDate: '2027-03-01',
    });
    expect(later.status).toBe(201);
    expect(later.body.lines).toHaveLength(2);
  });

  it('R-D6 a letter dated in the past carries the terms in force today', async () => {
    const engagement = await aProspect(collab, 'Lettre Antidatée');
    const letter = await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'engagement_letter',
      effectiveDate: '2024-01-01',
      lines: [{ serviceId, quantity: 1 }],
    });
    const current = (await collab.get('/terms/current')).body;
    expect(letter.body.termsVersionId).toBe(current.id);
  });

  it('R-B3 a signature cannot be dated before the document was sent', async () => {
    const engagement = await aProspect(collab, 'Signature Ancienne');
    const draft = await aSentProposal(collab, engagement.id, serviceId);
    const res = await collab.post(`/documents/${draft.id}/signatures`, {
      side: 'client',
      signedOn: '2020-01-01',
    });
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
  });

  it('R-A6 a letter signed on a client draws no client code: the series stays gapless', async () => {
    const first = await aClient(collab, associe, serviceId, 'Premier Client Code');
    const codeOf = async (id: string) =>
      (await collab.get(`/engagements/${id}`)).body.engagement.clientCode as string;
    const before = await codeOf(first.engagement.id);
    const second = await collab.post('/documents', {
      engagementId: first.engagement.id,
      kind: 'engagement_letter',
      lines: [{ serviceId: payslipId, quantity: 1 }],
    });
    await send(collab, second.body.id);
    await sign(collab, second.body.id, 'client');
    await sign(associe, second.body.id, 'firm');
    expect(await codeOf(first.engagement.id)).toBe(before);
    const next = await aClient(collab, associe, serviceId, 'Client Suivant');
    expect(Number((await codeOf(next.engagement.id)).slice(-5))).toBe(Number(before.slice(-5)) + 1);
  });

  it('R-B1 only signed documents have effect: a sent letter and a draft amendment leave the scope as it was', async () => {
    const { engagement, letterId } = await aClient(collab, associe, serviceId, 'Effet Signé');
    const scopeNow = async () => (await collab.get(`/engagements/${engagement.id}/scope`)).body;
    const before = await scopeNow();
    const second = await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'engagement_letter',
      lines: [{ serviceId: payslipId, quantity: 4 }],
    });
    await send(collab, second.body.id);
    await sign(collab, second.body.id, 'client');
    await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'amendment',
      amendsLetterId: letterId,
      changes: [{ op: 'add', line: { serviceId: payslipId, quantity: 9 } }],
    });
    expect(await scopeNow()).toEqual(before);
    await sign(associe, second.body.id, 'firm');
    expect((await scopeNow()).annualRecurringCents).toBe(before.annualRecurringCents + 12 * 4 * 2_500);
  });
});
