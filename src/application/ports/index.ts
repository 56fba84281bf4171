/**
 * Types only (and the job names, the request id's check): what the use cases need from the outside
 * world, one file per feature. The adapters implement them; `FirmScope` and `Store` put the
 * repositories together, `Deps` the store and the outside services.
 */
export type * from './billing.ts';
export type * from './campaigns.ts';
export type * from './catalogue.ts';
export type * from './deps.ts';
export type * from './documents.ts';
export type * from './engagements.ts';
export type * from './firm.ts';
export type * from './history.ts';
export type * from './installation.ts';
export * from './jobs.ts';
export type * from './notifications.ts';
export type * from './outside.ts';
export type * from './pdf-verifier.ts';
export * from './request-context.ts';
export type * from './shared.ts';
export type * from './signing.ts';
export type * from './store.ts';
export type * from './vigilance.ts';
export type * from './webhooks.ts';
