import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService } from '../builders/catalogue.ts';
import { aDraft, aProspect, expectProblem, send, sign } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

type Notification = {
  id: number;
  type: string;
  readAt: string | null;
  documentId: string;
  document: { kind: string; number: string | null };
  companyName: string;
};

describe(`in-app notifications: a document signed, refused or expired (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let associe: Api;
  let collab: Api;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    associe = apiAs(ctx, firm.users.associe.headers);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
  });
  afterAll(() => ctx.close());

  const mine = async (api: Api) => {
    const res = await api.get('/notifications');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { unread: number; items: Notification[] };
  };

  it('tells the author of a document that it was signed or refused, in the same transaction, not the one who did it', async () => {
    const serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id)).id;
    const engagement = await aProspect(associe, 'Fromagerie Roux');
    const signedOne = await aDraft(associe, engagement.id, serviceId);
    const refusedOne = await aDraft(associe, engagement.id, serviceId);
    const signedNumber = (await send(associe, signedOne.id)).number;
    await send(associe, refusedOne.id);
    expect((await mine(associe)).unread).toBe(0);

    await sign(collab, signedOne.id, 'client', { signatoryName: 'Paul Martin' });
    const refused = await collab.post(`/documents/${refusedOne.id}/refuse`, { reason: 'Trop cher' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);

    const list = await mine(associe);
    expect(list.unread).toBe(2);
    expect(list.items.map((n) => [n.type, n.documentId])).toEqual([
      ['document.refused', refusedOne.id],
      ['document.signed', signedOne.id],
    ]);
    expect(list.items[1]).toMatchObject({
      readAt: null,
      companyName: 'Fromagerie Roux',
      document: { kind: 'proposal', number: signedNumber },
    });
    // The collaborateur recorded both: nothing to tell them.
    expect((await mine(collab)).items).toEqual([]);

    const first = await associe.post('/notifications/read', { ids: [list.items[0]?.id] });
    expect(first.body).toEqual({ unread: 1 });
    // Someone else's ids change nothing of theirs.
    expect((await collab.post('/notifications/read', { ids: [list.items[1]?.id] })).body).toEqual({
      unread: 0,
    });
    expect((await mine(associe)).unread).toBe(1);
    expect((await associe.post('/notifications/read', {})).body).toEqual({ unread: 0 });
    const after = await mine(associe);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
  });

  it('keeps each firm’s notifications to itself, and refuses a bad body', async () => {
    const other = await aFirmWithUsers(ctx, 'Cabinet Voisin');
    const theirs = apiAs(ctx, other.users.associe.headers);
    expect((await mine(theirs)).items).toEqual([]);
    expectProblem(
      await associe.post('/notifications/read', { ids: ['un'] }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
  });
});
