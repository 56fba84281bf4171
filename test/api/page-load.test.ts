import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** What the web app asks on every load answers without a failure (issue 18, item 10). */
describe(`what the web app asks when it loads (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  it('GET /auth/session says who is signed in, and null rather than 401 when nobody is', async () => {
    expect(await apiAs(ctx).get('/auth/session')).toMatchObject({ status: 200, body: null });
    const unknown = await apiAs(ctx, { cookie: 'lettrine_session=inconnu' }).get('/auth/session');
    expect(unknown).toMatchObject({ status: 200, body: null });
    const signedIn = await apiAs(ctx, firm.users.collaborateur.headers).get('/auth/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({
      id: firm.users.collaborateur.id,
      firmId: firm.firmId,
      name: expect.any(String),
      role: 'collaborateur',
    });
  });
});
