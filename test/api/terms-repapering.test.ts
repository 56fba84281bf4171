import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aClient, aProspect } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  refreshSessions,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

describe(`clients still on older terms (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-06-01T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  it('R-D6 every signed letter records its terms version, and the firm lists the clients on an older one', async () => {
    const serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { recurrence: 'yearly' })).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    const collab = () => apiAs(ctx, firm.users.collaborateur.headers);
    const associe = () => apiAs(ctx, firm.users.associe.headers);
    const onV1 = await aClient(collab(), associe(), serviceId, 'Client Ancien');

    const v2 = await aTermsVersion(ctx, firm.firmId, { version: 2, effectiveFrom: '2026-09-01' });
    ctx.clock.set('2026-09-02T09:00:00Z');
    await refreshSessions(ctx, firm);
    const onV2 = await aClient(collab(), associe(), serviceId, 'Client Récent');
    await aProspect(collab(), 'Prospect Sans Lettre');

    expect((await collab().get(`/documents/${onV2.letterId}`)).body.document.termsVersionId).toBe(v2.id);
    const older = (await collab().get('/engagements?termsVersionBelow=2')).body;
    expect(older.items.map((e: { id: string }) => e.id)).toEqual([onV1.engagement.id]);
    expect((await collab().get('/engagements?termsVersionBelow=1')).body.total).toBe(0);
    expect((await collab().get('/engagements?termsVersionBelow=3')).body.total).toBe(2);
  });
});
