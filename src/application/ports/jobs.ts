/** The background jobs, each handled by an idempotent use case (delivery is at least once). */
export const JOB_NAMES = [
  'mail.deliver',
  'document.seal',
  'webhook.dispatch',
  'webhook.deliver',
  'campaign.generate',
  'campaign.send',
  'campaign.follow',
  'vigilance.screen',
] as const;
export type JobName = (typeof JOB_NAMES)[number];
/**
 * What each job carries: the firm and the id of what to work on, as strings (the job reads the rows
 * in its own transaction). Stored as JSON in job_outbox and pg-boss, so a job queued by an earlier
 * version must still read: rename a field only with a fallback for the old name.
 */
export type JobPayloads = {
  'mail.deliver': { firmId: string; mailId: string };
  'document.seal': { firmId: string; documentId: string };
  /** The history event's id (a bigserial), as a string. */
  'webhook.dispatch': { firmId: string; historyEventId: string };
  'webhook.deliver': { firmId: string; deliveryId: string };
  'campaign.generate': { firmId: string; campaignId: string };
  'campaign.send': { firmId: string; campaignId: string };
  'campaign.follow': { firmId: string; campaignId: string };
  /** R-F5: screen every file of the firm against this register import. */
  'vigilance.screen': { firmId: string; registerId: string };
};
/** A job to queue: a name and that name's payload, never another's (a union over the names given). */
export type Job<N extends JobName = JobName> = {
  [K in N]: { name: K; data: JobPayloads[K]; startAfter?: Date };
}[N];

/**
 * Background work decided in this transaction: written with it, handed to the queue after commit
 * (habit 5), so a rolled-back transaction sends nothing and a crash after commit loses nothing.
 */
export type JobRepository = {
  enqueue<N extends JobName>(job: Job<N>): Promise<void>;
};
