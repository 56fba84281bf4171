import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { createRenderPool, type RenderPool } from '../../src/adapters/workers/render-pool.ts';
import { CRAFTED_PNGS } from '../adapters/crafted-pngs.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, aProspect, expectProblem } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 20, item 4: the app with its PDFs rendered in worker threads, as `npm start` runs it
 * (the other suites render on the event loop, RENDER_WORKERS=0, to stay fast). The bench
 * (bench/render-isolation.ts) measures what other firms gain.
 */
describe(`the app rendering in worker threads (${databaseKind})`, () => {
  let ctx: TestContext;
  let pool: RenderPool;
  beforeAll(async () => {
    ctx = await createTestContext();
    pool = createRenderPool({ threads: 1, timeoutMs: 60_000, maxPdfBytes: 50e6, memoryMb: 512 });
    // The routes read deps.pdf at each request: the pool takes over from here.
    Object.assign(ctx.deps, { pdf: pool.renderer, sealer: pool.sealer });
  });
  afterAll(async () => {
    await pool.close();
    await ctx.close();
  });

  it('previews through the pool; a crafted logo stored before the fix is a 422; other firms are served', async () => {
    const heavy = await aFirmWithUsers(ctx, 'Cabinet Lourd');
    const other = await aFirmWithUsers(ctx, 'Cabinet Voisin');
    const collab = apiAs(ctx, heavy.users.collaborateur.headers);
    const service = await aService(ctx, heavy.firmId, heavy.users.associe.id);
    await aTermsVersion(ctx, heavy.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    const engagement = await aProspect(collab, 'Groupe Diversifié');
    const draft = await aDraft(collab, engagement.id, service.id);

    const previews = await Promise.all(
      Array.from({ length: 4 }, () => collab.download(`/documents/${draft.id}/pdf`)),
    );
    const neighbour = await apiAs(ctx, other.users.lecture.headers).get('/engagements');
    expect(neighbour.status).toBe(200);
    for (const preview of previews) expect(preview.status).toBe(200);
    expect(new Set(previews.map((p) => p.headers['x-content-sha256'])).size).toBe(1);
    expect(
      Buffer.from(previews[0]?.bytes ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await ctx.deps.store.transaction(heavy.firmId, (scope) =>
      scope.firm.setLogo({
        contentType: 'image/png',
        bytes: CRAFTED_PNGS.badRowFilterInterlaced,
        width: 8,
        height: 8,
        uploadedAt: ctx.clock.now(),
      }),
    );
    expectProblem(await collab.get(`/documents/${draft.id}/pdf`), 422, 'FIRM.LOGO_UNREADABLE');
    expect((await apiAs(ctx, other.users.lecture.headers).get('/engagements')).status).toBe(200);
    // The same refusal on the event loop: both renderers answer alike.
    await expect(
      createPdfRenderer().render({ metadata: {}, blocks: [] } as never, {
        at: ctx.clock.now(),
        logo: CRAFTED_PNGS.badRowFilterInterlaced,
      }),
    ).rejects.toMatchObject({ code: 'FIRM.LOGO_UNREADABLE' });
  });
});
