import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactTokens } from '../../src/http/create-app.ts';
import { expectProblem } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** Issue 4: the public signing routes answer an address that floods them with invented links. */
describe(`the public routes' limits (${databaseKind})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('an address trying invented links is stopped after 120 a minute, whatever the tokens', async () => {
    const anyone = apiAs(ctx);
    for (let attempt = 0; attempt < 120; attempt++) {
      const res = await anyone.get(`/public/signing/${String(attempt).padStart(43, 'x')}`);
      expect(res.status).toBe(404);
    }
    expectProblem(await anyone.get(`/public/signing/${'y'.repeat(43)}`), 429, 'SIGNING.TOO_MANY_REQUESTS');
  });

  it('a signing token never reaches the logs', () => {
    expect(redactTokens('/api/v1/public/signing/AbC-123_x/code/verify')).toBe(
      '/api/v1/public/signing/[jeton]/code/verify',
    );
    expect(redactTokens('/signer/AbC-123_x?lang=en')).toBe('/signer/[jeton]?lang=en');
    expect(redactTokens('/api/v1/documents/42')).toBe('/api/v1/documents/42');
  });
});
