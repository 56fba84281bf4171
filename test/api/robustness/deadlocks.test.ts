import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClient, aDraft, aProspect, send, sign } from '../../builders/through-api.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { databaseKind } from '../../support/test-database.ts';
import { type AllFirmData, aFirmWithAllData } from './firm-data.ts';

/**
 * Transactions that took the same rows in opposite orders: on PostgreSQL one of them was chosen as
 * the deadlock victim and its request answered 500. Locks are taken in one order, and a
 * transaction the database aborts for a deadlock or a serialization failure is run again.
 */
describe(`deadlocks (${databaseKind})`, () => {
  let ctx: TestContext;
  let data: AllFirmData;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-03-02T09:00:00Z', jobs: true });
    data = await aFirmWithAllData(ctx, 'Cabinet Verdier');
  });
  afterAll(() => ctx.close());

  it('R-A4 the firm signing two first letters of one prospect at once converts it once, with no 500', async () => {
    for (let round = 0; round < 4; round++) {
      const prospect = await aProspect(data.collab, `Menuiserie Vasseur ${round}`);
      const letters: string[] = [];
      for (const _ of [1, 2]) {
        const proposal = await aDraft(data.collab, prospect.id, data.services.bookkeeping.id);
        await send(data.collab, proposal.id);
        await sign(data.collab, proposal.id, 'client');
        const letterId = (await data.collab.get(`/documents/${proposal.id}`)).body.createdLetterId;
        await send(data.collab, letterId);
        await sign(data.collab, letterId, 'client');
        letters.push(letterId);
      }
      const responses = await Promise.all(
        letters.map((id) => data.associe.post(`/documents/${id}/signatures`, { side: 'firm' })),
      );
      expect(responses.map((r) => `${r.status} ${r.body.code ?? ''}`)).toEqual(['201 ', '201 ']);
      const history = (await data.collab.get(`/engagements/${prospect.id}/history`)).body.items;
      expect(history.filter((e: { type: string }) => e.type === 'engagement.converted')).toHaveLength(1);
    }
  });

  it('R-C1 R-D1 amendments and replacement letters created right after a signature never answer 500', async () => {
    const statuses: string[] = [];
    for (let round = 0; round < 6; round++) {
      const client = await aClient(data.collab, data.associe, data.services.bookkeeping.id, `Forge ${round}`);
      // The seal job and the mails of the signature run now, beside these requests.
      const responses = await Promise.all([
        ...[1, 2, 3].map(() =>
          data.collab.post('/documents', {
            engagementId: client.engagement.id,
            kind: 'amendment',
            amendsLetterId: client.letterId,
            changes: [{ op: 'add', line: { serviceId: data.services.payslip.id, quantity: 2 } }],
          }),
        ),
        ...[1, 2, 3].map(() =>
          data.collab.post('/documents', { engagementId: client.engagement.id, kind: 'replacement_letter' }),
        ),
      ]);
      statuses.push(...responses.map((r) => `${r.status} ${r.body.code ?? ''}`));
    }
    expect(statuses.filter((s) => !s.startsWith('201'))).toEqual([]);
    await ctx.drainJobs();
    // Six signatures, each sealed with its timestamped proof and trail beside 36 creations: on the
    // one-connection PGlite this took 29 s of the default 30 s on a quiet CI machine.
  }, 120_000);
});
