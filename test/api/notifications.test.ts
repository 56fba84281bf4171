import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireOverdueDocuments } from '../../src/application/documents/expire-documents.ts';
import { purgeExpiredRecords } from '../../src/application/maintenance/purge-expired-records.ts';
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
  reason: string | null;
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
    // The refusal's reason, and nothing else of the event's data.
    expect(list.items[0]?.reason).toBe('Trop cher');
    expect(list.items[1]?.reason).toBeNull();
    expect(Object.keys(list.items[0] ?? {})).not.toContain('data');
    // A page of one: the count without the list (the closed bell's question).
    const count = await associe.get('/notifications?pageSize=1');
    expect(count.body).toMatchObject({ unread: 2, total: 2, page: 1, pageSize: 1 });
    expect(count.body.items.map((n: Notification) => n.documentId)).toEqual([refusedOne.id]);
    const second = await associe.get('/notifications?pageSize=1&page=2');
    expect(second.body.items.map((n: Notification) => n.documentId)).toEqual([signedOne.id]);
    expect((await associe.get('/notifications?pageSize=1&page=9')).body).toMatchObject({
      items: [],
      unread: 2,
      total: 2,
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

  it('tells the associé chosen to sign for the firm, and skips a user no longer active', async () => {
    const claire = await associe.post('/users', {
      email: 'claire.notif@cabinet.test',
      name: 'Claire Dupré',
      role: 'associe',
      formOfAddress: 'madame',
      password: 'secret-pass-123',
    });
    expect(claire.status, JSON.stringify(claire.body)).toBe(201);
    const claireId = claire.body.id as string;
    const claireList = () =>
      ctx.deps.store.read(firm.firmId).notifications.listForUser(claireId, { limit: 50, offset: 0 });
    const serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id)).id;
    const engagement = await aProspect(associe, 'Cave Signataire');
    const chosen = async () => {
      const draft = await aDraft(associe, engagement.id, serviceId);
      const named = await associe.patch(`/documents/${draft.id}`, {
        version: draft.version,
        firmSignatoryId: claireId,
      });
      expect(named.status, JSON.stringify(named.body)).toBe(200);
      await send(associe, draft.id);
      return draft.id;
    };
    const signedOne = await chosen();
    const refusedOne = await chosen();

    await sign(collab, signedOne, 'client', { signatoryName: 'Paul Martin' });
    expect((await claireList()).items.map((n) => [n.type, n.documentId])).toEqual([
      ['document.signed', signedOne],
    ]);

    const user = (await associe.get('/users')).body.items.find((u: { id: string }) => u.id === claireId);
    const off = await associe.patch(`/users/${claireId}`, { version: user.version, isActive: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const refused = await collab.post(`/documents/${refusedOne}/refuse`, { reason: 'Plus tard' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect((await claireList()).items.map((n) => n.documentId)).toEqual([signedOne]);
    // The author, still active, hears of it.
    expect((await mine(associe)).items[0]).toMatchObject({
      type: 'document.refused',
      documentId: refusedOne,
      reason: 'Plus tard',
    });
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
  it('an expiry found by the sweep (no one did it) tells every recipient; read ones go after 90 days', async () => {
    const other = await aFirmWithUsers(ctx, 'Cabinet Échéances');
    const theirAssocie = apiAs(ctx, other.users.associe.headers);
    const theirCollab = apiAs(ctx, other.users.collaborateur.headers);
    const serviceId = (await aService(ctx, other.firmId, other.users.associe.id)).id;
    // The collaborateur is responsible for the engagement; the associé writes the proposal.
    const engagement = await aProspect(theirCollab, 'Pépinière Close');
    const draft = await theirAssocie.post('/documents', {
      engagementId: engagement.id,
      kind: 'proposal',
      validUntil: '2026-11-30',
      lines: [{ serviceId, quantity: 1 }],
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    await send(theirAssocie, draft.body.id);
    const scope = ctx.deps.store.read(other.firmId);
    const listOf = (userId: string) => scope.notifications.listForUser(userId, { limit: 50, offset: 0 });
    const started = ctx.clock.now().toISOString();
    try {
      ctx.clock.set('2026-12-01T08:00:00Z');
      expect(await expireOverdueDocuments(ctx.deps, { firmId: other.firmId })).toEqual([draft.body.id]);
      for (const userId of [other.users.associe.id, other.users.collaborateur.id]) {
        const list = await listOf(userId);
        expect(list.items.map((n) => [n.type, n.documentId, n.reason])).toEqual([
          ['document.expired', draft.body.id, null],
        ]);
        expect(list.unread).toBe(1);
      }
      expect((await listOf(other.users.lecture.id)).items).toEqual([]);

      // Read by the associé only; 91 days later the purge deletes it, the unread one stays.
      await ctx.deps.store.transaction(other.firmId, (tx) =>
        tx.notifications.markRead(other.users.associe.id, { at: ctx.clock.now() }),
      );
      // 89 days on, it stays (the purge runs across firms: other tests' read ones may go).
      ctx.clock.set('2027-02-28T08:00:00Z');
      await purgeExpiredRecords(ctx.deps);
      expect((await listOf(other.users.associe.id)).items).toHaveLength(1);
      ctx.clock.set('2027-03-02T09:00:00Z');
      expect((await purgeExpiredRecords(ctx.deps)).notifications).toBeGreaterThanOrEqual(1);
      expect((await listOf(other.users.associe.id)).items).toEqual([]);
      expect((await listOf(other.users.collaborateur.id)).unread).toBe(1);
    } finally {
      ctx.clock.set(started);
    }
  });
});
