import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aClient, expectProblem } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Issue 18, item 5: an amendment is a draft edited like any other. It may be created empty, its
 * changes are replaced by PATCH until it is sent, and an empty one cannot be sent.
 */
describe('amendment drafts', () => {
  let ctx: TestContext;
  let collab: Api;
  let client: Awaited<ReturnType<typeof aClient>>;
  let serviceId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    const firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    const associe = apiAs(ctx, firm.users.associe.headers);
    serviceId = (
      await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 15_000, recurrence: 'monthly' })
    ).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    client = await aClient(collab, associe, serviceId);
  });
  afterAll(() => ctx.close());

  const anEmptyAmendment = async () => {
    const res = await collab.post('/documents', {
      engagementId: client.engagement.id,
      kind: 'amendment',
      amendsLetterId: client.letterId,
      effectiveDate: '2027-01-01',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number; lines: unknown[]; status: string };
  };

  it('is created empty as a draft, and refused at sending while it changes nothing', async () => {
    const draft = await anEmptyAmendment();
    expect(draft).toMatchObject({ status: 'draft', lines: [] });
    expectProblem(
      await collab.post(`/documents/${draft.id}/send`, { version: draft.version }),
      422,
      'DOCUMENT.EMPTY',
    );
  });

  it('takes its changes by PATCH, replaced as a whole, and is sent with them', async () => {
    const draft = await anEmptyAmendment();
    const first = await collab.patch(`/documents/${draft.id}`, {
      version: draft.version,
      changes: [{ op: 'remove', targetLineId: client.letterLineId }],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.lines.map((line: { operation: string }) => line.operation)).toEqual(['remove']);
    const second = await collab.patch(`/documents/${draft.id}`, {
      version: first.body.version,
      changes: [{ op: 'modify', targetLineId: client.letterLineId, unitPriceCents: 16_500 }],
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.lines).toMatchObject([
      { operation: 'modify', targetLineId: client.letterLineId, unitPriceCents: 16_500 },
    ]);
    const sent = await collab.post(`/documents/${draft.id}/send`, { version: second.body.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.number).toMatch(/^LM-\d{4}-\d{4}-A\d{2}$/);
  });

  it('refuses lines on an amendment and changes on another kind, in French', async () => {
    const draft = await anEmptyAmendment();
    const lines = await collab.patch(`/documents/${draft.id}`, {
      version: draft.version,
      lines: [{ serviceId, quantity: 1 }],
    });
    expectProblem(lines, 422, 'DOCUMENT.LINE_NOT_ALLOWED');
    const letter = (await collab.get(`/documents/${client.letterId}`)).body.document;
    const proposal = await collab.post('/documents', {
      engagementId: client.engagement.id,
      kind: 'work_order',
      lines: [{ serviceId: null, label: 'Attestation', quantity: 1, unitPriceCents: 10_000 }],
    });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
    const changes = await collab.patch(`/documents/${proposal.body.id}`, {
      version: proposal.body.version,
      changes: [{ op: 'remove', targetLineId: letter.lines[0].id }],
    });
    expectProblem(changes, 422, 'DOCUMENT.LINE_NOT_ALLOWED');
    expect(JSON.stringify(changes.body)).toContain('Seul un avenant porte des changements');
  });
});
