import { z } from 'zod';
import { isRequestId, type JobName, type JobPayloads } from '../../application/ports/index.ts';

/** A row id: a UUID as the database writes it (any version, any case). */
const rowId = z.guid();

/**
 * The payload each queue accepts, checked when a job is read back from the queue: what is stored
 * there is JSON that any version of Lettrine (or a hand) may have written, so a handler is given an
 * id only once it is known to be one. Unknown fields are dropped, not refused, so that a job queued
 * by a newer version still runs here. The annotation keeps them to the port's types:
 * a field added there and not checked here fails the type-check.
 */
export const JOB_PAYLOAD_SCHEMAS: { [N in JobName]: z.ZodType<JobPayloads[N]> } = {
  'mail.deliver': z.object({ firmId: rowId, mailId: rowId }),
  'document.seal': z.object({ firmId: rowId, documentId: rowId }),
  'webhook.dispatch': z.object({ firmId: rowId, historyEventId: z.string().regex(/^[1-9][0-9]*$/) }),
  'webhook.deliver': z.object({ firmId: rowId, deliveryId: rowId }),
  'campaign.generate': z.object({ firmId: rowId, campaignId: rowId }),
  'campaign.send': z.object({ firmId: rowId, campaignId: rowId }),
  'campaign.follow': z.object({ firmId: rowId, campaignId: rowId }),
  'vigilance.screen': z.object({ firmId: rowId, registerId: rowId }),
};

/** The payload of a job of queue `name`, or why it is not one (field paths and the problem). */
export const parseJobPayload = <N extends JobName>(
  name: N,
  data: unknown,
): { ok: true; payload: JobPayloads[N] } | { ok: false; problem: string } => {
  const schema: z.ZodType<JobPayloads[N]> = JOB_PAYLOAD_SCHEMAS[name];
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, payload: parsed.data };
  return {
    ok: false,
    problem: parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
      .join('; '),
  };
};

/**
 * Beside the business fields, a stored job carries the request it comes from, for the logs only:
 * `{ firmId, mailId, logContext: { requestId } }`. The schemas above drop the field, so no handler
 * ever reads it, and a job queued before it existed (or by hand) simply has none.
 */
export const withRequestId = (data: object, requestId: string | undefined): object =>
  requestId === undefined ? data : { ...data, logContext: { requestId } };

/** The request id a stored job carries, if it carries a well-formed one. */
export const requestIdOfJob = (data: unknown): string | undefined => {
  const requestId = (data as { logContext?: { requestId?: unknown } } | null)?.logContext?.requestId;
  return isRequestId(requestId) ? requestId : undefined;
};
