import { requestIdOfJob } from './job-payloads.ts';

/** The part of a pino logger the queue writes to (Fastify's `app.log` is one). */
export type JobLog = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

/** What every log line of one job's attempt carries. */
export type JobLine = { job: string; jobId: string; attempt: number; firmId?: string; requestId: string };

export const lineOf = (name: string, job: { id: string; data: unknown; retryCount: number }): JobLine => {
  const firmId = (job.data as { firmId?: unknown } | null)?.firmId;
  return {
    job: name,
    jobId: job.id,
    attempt: job.retryCount + 1,
    ...(typeof firmId === 'string' ? { firmId } : {}),
    // A job queued outside any request (a reminder run, a command) goes by its own id, which the
    // jobs it queues then carry.
    requestId: requestIdOfJob(job.data) ?? job.id,
  };
};

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
