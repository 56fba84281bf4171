import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirmScope } from '../../src/application/ports/index.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';

describe('an Idempotency-Key whose answer cannot be stored', () => {
  let ctx: TestContext;
  let firm: FirmSession;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  it('answers the creation, and a retry never creates a second time', async () => {
    const store = ctx.deps.store;
    const read = store.read.bind(store);
    let failures = 1;
    store.read = (firmId: string): FirmScope => {
      const scope = read(firmId);
      return {
        ...scope,
        idempotency: {
          ...scope.idempotency,
          complete: async (...args) => {
            if (failures-- > 0) throw new Error('database gone for a moment');
            return scope.idempotency.complete(...args);
          },
        },
      };
    };
    try {
      const api = apiAs(ctx, firm.users.collaborateur.headers);
      const key = { 'idempotency-key': 'cle-unique' };
      const body = { company: { name: 'Madame Rivière', isIndividual: true } };
      const first = await api.post('/engagements', body, key);
      expect(first.status).toBe(201);
      const retry = await api.post('/engagements', body, key);
      expect(retry.status).toBe(409);
      expect(retry.body.code).toBe('IDEMPOTENCY.IN_PROGRESS');
      expect((await api.get('/engagements')).body.total).toBe(1);
    } finally {
      store.read = read;
    }
  });
});
