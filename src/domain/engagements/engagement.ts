import { type DocumentKind, KINDS_BY_ENGAGEMENT_STATE } from '../documents/kinds.ts';
import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';

/** R-A1: an engagement is a prospect or a client. */
export const ENGAGEMENT_STATES = ['prospect', 'client'] as const;
export type EngagementState = (typeof ENGAGEMENT_STATES)[number];

/** R-A2 and R-A3: the document kinds each state may hold. */
export const ALLOWED_DOCUMENT_KINDS: Record<EngagementState, readonly DocumentKind[]> =
  KINDS_BY_ENGAGEMENT_STATE;

export const assertDocumentKindAllowed = (
  state: EngagementState,
  kind: DocumentKind,
): Result<true, Refusal> =>
  ALLOWED_DOCUMENT_KINDS[state].includes(kind)
    ? ok(true)
    : refuse('ENGAGEMENT.DOCUMENT_KIND_NOT_ALLOWED', { state, kind, allowed: ALLOWED_DOCUMENT_KINDS[state] });

export type ConversionOrigin =
  | { readonly type: 'letter_signed'; readonly documentId: string }
  | {
      readonly type: 'manual';
      readonly reason: string;
    };

/**
 * R-A4, R-A6, R-A7: a prospect becomes a client once. A signed letter on an engagement already
 * client changes nothing ('unchanged'); converting a client by hand is refused. There is no
 * transition back to prospect. The caller draws the client code only for 'convert', so that the
 * firm's series of codes keeps no gap.
 */
export const decideConversion = (
  engagement: { state: EngagementState },
  origin: ConversionOrigin,
): Result<'convert' | 'unchanged', Refusal> => {
  if (engagement.state === 'prospect') return ok('convert');
  return origin.type === 'manual' ? refuse('ENGAGEMENT.ALREADY_CLIENT') : ok('unchanged');
};

/** A client code is the firm's prefix and a five-digit sequence: "DUP00042". */
export const formatClientCode = (prefix: string, sequence: number): string =>
  `${prefix}${String(sequence).padStart(5, '0')}`;

export type Engagement = {
  id: string;
  companyId: string;
  title: string;
  state: EngagementState;
  responsibleUserId: string;
  signatoryContactId: string | null;
  clientCode: string | null;
  convertedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
