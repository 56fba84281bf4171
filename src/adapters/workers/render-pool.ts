import { Piscina } from 'piscina';
import { AppError } from '../../application/app-error.ts';
import type { CleanImage, PdfRenderer, PdfSealer, RenderedPdf } from '../../application/ports/index.ts';
import { readImageSize } from '../pdf/images.ts';
import { describeCertificate } from '../signing/certificate-facts.ts';
import type { SealOptions } from '../signing/pdf-sealer.ts';
import { createSelfSignedIdentity, openFirmPkcs12 } from '../signing/seal-identity.ts';
import type { WorkerOutcome, WorkerTask } from './render-worker.ts';

export type RenderPoolOptions = {
  /** Worker threads (1 or 2 on a 2-core machine: the event loop keeps a core). */
  threads: number;
  /** A task that has not finished this long after it was asked for (queue included) is abandoned. */
  timeoutMs: number;
  /** A rendered PDF larger than this is refused. */
  maxPdfBytes: number;
  /** A worker's heap: beyond it, the worker is stopped and its task fails, the server goes on. */
  memoryMb: number;
  /** Where the pool's own failures go (a worker that dies between tasks). */
  onError?: (error: unknown) => void;
  /** The seal's timestamping authority, if any: each worker asks it itself (plain data crosses threads). */
  seal?: SealOptions;
  /** The worker module; by default render-worker (tests point it elsewhere). */
  workerUrl?: URL;
};

export type RenderPool = { renderer: PdfRenderer; sealer: PdfSealer; close(): Promise<void> };

/** Under tsx the worker needs its bootstrap (render-worker.mjs); a compiled build has render-worker.js. */
const defaultWorkerUrl = (): URL =>
  new URL(import.meta.url.endsWith('.ts') ? './render-worker.mjs' : './render-worker.js', import.meta.url);

/** An error that says the pool is overloaded or the task too heavy, not that the code is wrong. */
const isLimitReached = (error: unknown): boolean => {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  return (
    name === 'AbortError' ||
    code === 'ERR_WORKER_OUT_OF_MEMORY' ||
    message === 'Task queue is at limit' ||
    /out of memory/i.test(message ?? '')
  );
};

/**
 * Issue 20: rendering (0.9 s for 200 lines) and sealing ran on the event loop and held every
 * firm's requests. They run here in worker threads (piscina) instead, with a time and a memory
 * limit; a worker that throws, even outside any promise (a pdfkit callback), or runs out of memory
 * only fails its task: piscina replaces it and the server goes on. The pool starts at its first
 * task, so commands that render nothing never start a thread.
 */
export const createRenderPool = (options: RenderPoolOptions): RenderPool => {
  let pool: Piscina<WorkerTask, WorkerOutcome> | undefined;
  const started = () => {
    if (pool) return pool;
    pool = new Piscina<WorkerTask, WorkerOutcome>({
      filename: (options.workerUrl ?? defaultWorkerUrl()).href,
      minThreads: options.threads,
      maxThreads: options.threads,
      maxQueue: 10_000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
      closeTimeout: 5_000,
    });
    // Without a listener, a worker dying with no task would throw in the main thread.
    pool.on('error', (error: unknown) => options.onError?.(error));
    return pool;
  };

  const run = async <T>(task: WorkerTask): Promise<T> => {
    let outcome: WorkerOutcome;
    try {
      outcome = await started().run(task, { signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      if (isLimitReached(error)) throw new AppError('DOCUMENT.RENDER_UNAVAILABLE', { task: task.kind });
      throw new Error(`render worker failed (${task.kind}): ${(error as Error)?.message ?? error}`, {
        cause: error,
      });
    }
    if (!outcome.ok) throw new AppError(outcome.code, outcome.details);
    return outcome.value as T;
  };

  const renderer: PdfRenderer = {
    render: (content, renderOptions) =>
      run<RenderedPdf>({ kind: 'render', content, options: renderOptions, maxBytes: options.maxPdfBytes }),
    readImage: readImageSize,
    cleanImage: (bytes) => run<CleanImage | undefined>({ kind: 'clean', bytes }),
  };
  const sealer: PdfSealer = {
    // Key generation is WebCrypto's, off the event loop already.
    createIdentity: (input) => createSelfSignedIdentity(input),
    // A PKCS#12 opens in milliseconds (PBKDF2, 2 048 rounds): no need for a worker.
    openPkcs12: openFirmPkcs12,
    describe: describeCertificate,
    seal: (pdf, identity, meta) =>
      run<Uint8Array>({ kind: 'seal', pdf, identity, meta, options: options.seal ?? {} }),
  };
  return {
    renderer,
    sealer,
    async close() {
      const running = pool;
      pool = undefined;
      await running?.close();
    },
  };
};
