import { afterAll, describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { createSelfSignedIdentity } from '../../src/adapters/signing/seal-identity.ts';
import { createRenderPool, type RenderPoolOptions } from '../../src/adapters/workers/render-pool.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';
import { aPng } from '../builders/images.ts';
import { pdfsig } from '../support/signing.ts';
import { CRAFTED_PNGS } from './crafted-pngs.ts';

const at = new Date('2026-11-29T09:00:00Z');
const content = documentContent(aDocumentFacts());
const SETTINGS: RenderPoolOptions = { threads: 1, timeoutMs: 30_000, maxPdfBytes: 50e6, memoryMb: 256 };
const MISBEHAVING = new URL('./fixtures/misbehaving-worker.mjs', import.meta.url);

/**
 * Issue 20: rendering and sealing run in worker threads (piscina), off the event loop, loaded
 * through tsx here as under `npm start`. What goes wrong in a worker fails its task only.
 */
describe('the render pool (worker threads)', () => {
  const pools: { close(): Promise<void> }[] = [];
  const aPool = (overrides: Partial<RenderPoolOptions> = {}) => {
    const errors: unknown[] = [];
    const pool = createRenderPool({ ...SETTINGS, ...overrides, onError: (error) => errors.push(error) });
    pools.push(pool);
    return Object.assign(pool, { errors });
  };
  afterAll(async () => {
    for (const pool of pools) await pool.close();
  });

  it('renders the same bytes as the renderer on the event loop, logo included, and cleans images', async () => {
    const pool = aPool();
    const logo = aPng(120, 40, [31, 78, 121], { alpha: true });
    const [inWorker, onLoop] = await Promise.all([
      pool.renderer.render(content, { at, logo, accentColor: '#1F4E79' }),
      createPdfRenderer().render(content, { at, logo, accentColor: '#1F4E79' }),
    ]);
    expect(inWorker.sha256).toBe(onLoop.sha256);
    expect(Buffer.from(inWorker.bytes).equals(Buffer.from(onLoop.bytes))).toBe(true);
    expect(await pool.renderer.cleanImage(CRAFTED_PNGS.badRowFilter)).toBeUndefined();
    expect(await pool.renderer.cleanImage(logo)).toMatchObject({ width: 120, height: 40 });
  });

  it('a crafted logo is a refusal the caller receives (its code crosses the thread)', async () => {
    const pool = aPool();
    await expect(
      pool.renderer.render(content, { at, logo: CRAFTED_PNGS.badRowFilter }),
    ).rejects.toMatchObject({
      name: 'AppError',
      code: 'FIRM.LOGO_UNREADABLE',
    });
  });

  it('seals in a worker: pdfsig verifies the sealed copy', async () => {
    const pool = aPool();
    const identity = await createSelfSignedIdentity({ commonName: 'Cabinet Dupré', at });
    const pdf = await pool.renderer.render(content, { at });
    const sealed = await pool.sealer.seal(pdf.bytes, identity, { reason: 'Signé', name: 'Cabinet', at });
    expect(await pdfsig(sealed)).toMatch(/Signature is Valid/);
  });

  it('a PDF beyond the size limit is refused with DOCUMENT.RENDER_UNAVAILABLE', async () => {
    const pool = aPool({ maxPdfBytes: 1000 });
    await expect(pool.renderer.render(content, { at })).rejects.toMatchObject({
      code: 'DOCUMENT.RENDER_UNAVAILABLE',
    });
  });

  it('an exception thrown outside any promise in a worker fails its task; the process and the pool go on', async () => {
    const pool = aPool({ workerUrl: MISBEHAVING });
    await expect(
      pool.renderer.render(content, { at, watermark: 'throw-outside-any-promise' }),
    ).rejects.toThrow(/render worker failed \(render\): exception outside any promise/);
    expect(await pool.renderer.render(content, { at })).toMatchObject({ sha256: 'fixture' });
  });

  it('a task past the time limit, or a worker past its memory, answers DOCUMENT.RENDER_UNAVAILABLE', async () => {
    const slow = aPool({ workerUrl: MISBEHAVING, timeoutMs: 300 });
    await expect(slow.renderer.render(content, { at, watermark: 'hang' })).rejects.toMatchObject({
      code: 'DOCUMENT.RENDER_UNAVAILABLE',
    });
    expect(await slow.renderer.render(content, { at })).toMatchObject({ sha256: 'fixture' });

    const greedy = aPool({ workerUrl: MISBEHAVING, memoryMb: 64 });
    await expect(greedy.renderer.render(content, { at, watermark: 'eat-memory' })).rejects.toMatchObject({
      code: 'DOCUMENT.RENDER_UNAVAILABLE',
    });
    expect(await greedy.renderer.render(content, { at })).toMatchObject({ sha256: 'fixture' });
  });

  it('closes: a closed pool starts again at its next task, and close() twice is harmless', async () => {
    const pool = aPool({ workerUrl: MISBEHAVING });
    await pool.renderer.render(content, { at });
    await pool.close();
    await pool.close();
    expect(await pool.renderer.render(content, { at })).toMatchObject({ sha256: 'fixture' });
  });
});
