import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryableTransactionError, retryingTransaction } from '../../src/adapters/db/retry-transaction.ts';
import { aProspect } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('retryingTransaction', () => {
  it('runs a transaction again after a deadlock or a serialization failure, drizzle-wrapped or not', async () => {
    let calls = 0;
    const result = await retryingTransaction(async () => {
      calls += 1;
      if (calls === 1) throw deadlock();
      if (calls === 2) throw new Error('Failed query', { cause: { code: '40001' } });
      return 'fait';
    });
    expect(result).toBe('fait');
    expect(calls).toBe(3);
  });

  it('gives up after the attempts allowed and throws the database error', async () => {
    let calls = 0;
    const failing = retryingTransaction(
      async () => {
        calls += 1;
        throw deadlock();
      },
      { attempts: 3, baseDelayMs: 1 },
    );
    await expect(failing).rejects.toThrow('deadlock detected');
    expect(calls).toBe(3);
  });

  it('never runs again what failed for another reason (a unique key, a refusal)', async () => {
    let calls = 0;
    const failing = retryingTransaction(async () => {
      calls += 1;
      throw Object.assign(new Error('duplicate key'), { code: '23505' });
    });
    await expect(failing).rejects.toThrow('duplicate key');
    expect(calls).toBe(1);
    expect(isRetryableTransactionError(new Error('DOCUMENT.EMPTY'))).toBe(false);
  });
});

/**
 * Two transactions that lock two rows in opposite orders: on PostgreSQL one of them is the
 * deadlock victim, and Store.transaction runs it again, so both writes land.
 */
describe(`Store.transaction after a deadlock (${databaseKind})`, () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({ database: 'fresh' });
  });
  afterAll(() => ctx.close());

  it('both sides of a deadlock commit: the victim is run again', async () => {
    const firm = await aFirmWithUsers(ctx, 'Cabinet Lemoine');
    const api = apiAs(ctx, firm.users.associe.headers);
    const first = await aProspect(api, 'Tonnellerie Roux');
    const second = await aProspect(api, 'Fromagerie Caron');
    let attempts = 0;
    let bothHoldOne: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      let arrived = 0;
      bothHoldOne = () => {
        arrived += 1;
        if (arrived === 2) resolve();
      };
    });
    const lockInOrder = (ids: string[], title: string) =>
      ctx.deps.store.transaction(firm.firmId, async (scope) => {
        attempts += 1;
        const [a, b] = ids as [string, string];
        await scope.engagements.find(a, { forUpdate: true });
        bothHoldOne();
        // Only the first attempts meet here; a retried victim goes straight on.
        if (attempts <= 2) await Promise.race([barrier, new Promise((r) => setTimeout(r, 200))]);
        const locked = await scope.engagements.find(b, { forUpdate: true });
        const at = new Date('2026-03-02T09:00:00Z');
        const fields = { title };
        await scope.engagements.update({ id: b, expectedVersion: locked?.version ?? 0, fields, at });
        return title;
      });
    const results = await Promise.all([
      lockInOrder([first.id, second.id], 'Mission un'),
      lockInOrder([second.id, first.id], 'Mission deux'),
    ]);
    expect(results).toEqual(['Mission un', 'Mission deux']);
    if (databaseKind === 'postgres') expect(attempts).toBe(3);
  });
});
