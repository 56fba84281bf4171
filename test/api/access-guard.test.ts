import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';

describe('who may call a route is settled before its input is read', () => {
  let ctx: TestContext;
  let firm: FirmSession;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  it('an anonymous caller with an invalid body gets 401, not the validation details', async () => {
    const res = await apiAs(ctx).post('/engagements', { company: { siren: 42 }, unknown: true });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
    expect(res.body.details).toBeUndefined();
  });

  it('a lecture user with an invalid body gets 403 on a write', async () => {
    const res = await apiAs(ctx, firm.users.lecture.headers).post('/documents', { kind: 'nope' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.FORBIDDEN');
  });

  it('a lecture user still reads, and logs out', async () => {
    const api = apiAs(ctx, firm.users.lecture.headers);
    expect((await api.get('/engagements')).status).toBe(200);
    expect((await api.post('/auth/logout')).status).toBe(204);
    expect((await api.get('/engagements')).status).toBe(401);
  });
});
