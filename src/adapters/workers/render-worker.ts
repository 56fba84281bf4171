import { AppError } from '../../application/app-error.ts';
import type { RenderOptions } from '../../application/ports/index.ts';
import type { SealIdentity } from '../../application/records.ts';
import type { DocumentContent } from '../../domain/documents/content/blocks.ts';
import type { ErrorCode } from '../../domain/shared/errors.ts';
import { cleanImage } from '../pdf/images.ts';
import { renderPdf } from '../pdf/pdf-renderer.ts';
import { createPdfSealer, type SealMeta, type SealOptions } from '../signing/pdf-sealer.ts';

/** What the main thread asks a render worker (render-pool.ts); every field survives structured cloning. */
export type WorkerTask =
  | { kind: 'render'; content: DocumentContent; options: RenderOptions; maxBytes: number }
  | { kind: 'clean'; bytes: Uint8Array }
  | { kind: 'seal'; pdf: Uint8Array; identity: SealIdentity; meta: SealMeta; options: SealOptions };

/**
 * A refusal comes back as a value: an Error crossing the thread loses its class and its code, so
 * an AppError is sent as its code and rebuilt on the other side. Anything else is thrown.
 */
export type WorkerOutcome =
  | { ok: true; value: unknown }
  | { ok: false; code: ErrorCode; details?: Readonly<Record<string, unknown>> };

const perform = async (task: WorkerTask): Promise<unknown> => {
  switch (task.kind) {
    case 'render': {
      const pdf = await renderPdf(task.content, task.options);
      if (pdf.bytes.byteLength > task.maxBytes)
        throw new AppError('DOCUMENT.RENDER_UNAVAILABLE', { byteSize: pdf.bytes.byteLength });
      return pdf;
    }
    case 'clean':
      return cleanImage(task.bytes);
    case 'seal':
      return createPdfSealer(task.identity, task.options).seal(task.pdf, task.meta);
  }
};

/** The task handler piscina calls in each worker thread. */
export default async function runWorkerTask(task: WorkerTask): Promise<WorkerOutcome> {
  try {
    return { ok: true, value: await perform(task) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, details: error.details };
    throw error;
  }
}
