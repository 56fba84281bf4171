/** The LCB-FT shapes, inferred from the server's schemas (type-only: nothing reaches the bundle). */
import type { z } from 'zod';
import type {
  assessmentBody,
  documentVigilanceOut,
  identificationBody,
  openMatchesOut,
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
