import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService } from '../builders/catalogue.ts';
import { aDraft, aProspect, expectProblem } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../support/test-app.ts';

/** Issue 18: 31 February is refused in French, never rolled over to 3 March. */
describe('impossible dates', () => {
  let ctx: TestContext;
  let collab: Api;
  let draft: { id: string; version: number };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    const firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    const service = await aService(ctx, firm.firmId, firm.users.associe.id);
    draft = await aDraft(collab, (await aProspect(collab)).id, service.id);
  });
  afterAll(() => ctx.close());

  it.each([
    ['validUntil', '2027-02-31'],
    ['validUntil', '2027-02-29'],
    ['validUntil', '2027-13-01'],
  ])('refuses %s = %s with a French 400, and keeps the draft as it was', async (field, value) => {
    const res = await collab.patch(`/documents/${draft.id}`, { version: draft.version, [field]: value });
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain('Date invalide');
    const still = await collab.get(`/documents/${draft.id}`);
    expect(still.body.document.validUntil).not.toBe('2027-03-03');
    expect(still.body.document.version).toBe(draft.version);
  });

  it('accepts 28 February', async () => {
    const res = await collab.patch(`/documents/${draft.id}`, {
      version: draft.version,
      validUntil: '2027-02-28',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.validUntil).toBe('2027-02-28');
  });
});
