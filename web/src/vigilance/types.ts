/** The LCB-FT shapes, inferred from the server's schemas (type-only: nothing reaches the bundle). */
import type { z } from 'zod';
import type {
  assessmentBody,
  documentVigilanceOut,
  identificationBody,
  openMatchesOut,
  purgeListOut,
  registerStateOut,
  reviewsDueOut,
  settingsOut,
  vigilanceFileOut,
} from '../../../src/http/vigilance.schemas.ts';

export type VigilanceFile = z.infer<typeof vigilanceFileOut>;
export type Identification = z.input<typeof identificationBody>;
export type Assessment = z.input<typeof assessmentBody>;
export type DocumentVigilance = z.infer<typeof documentVigilanceOut>;
export type VigilanceSettings = z.infer<typeof settingsOut>;
export type ReviewsDue = z.infer<typeof reviewsDueOut>;
export type OpenMatches = z.infer<typeof openMatchesOut>;
export type Evidence = VigilanceFile['evidence'][number];
export type Match = VigilanceFile['matches'][number];
export type OpenMatch = OpenMatches['items'][number];
export type Review = VigilanceFile['reviews'][number];
export type FileEvent = VigilanceFile['history'][number];
export type ReviewDue = ReviewsDue['items'][number];

/**
 * The register's state (`GET /vigilance/register`, and the import's answer): the last import, and
 * how far the screening of every file against it went (a durable job, after the import).
 */
export type RegisterState = z.infer<typeof registerStateOut>;

/** R-F7: a file whose five years after the end of the relationship are over (`GET /vigilance/purge`). */
export type Purgeable = z.infer<typeof purgeListOut>['items'][number];
