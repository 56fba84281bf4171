import type { IsoDate } from '../shared/dates.ts';
import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';

export type TermsVersionHead = { readonly version: number; readonly effectiveFrom: IsoDate };

/** R-D6: versions are numbered 1, 2, 3… by the firm's server, never chosen by the user. */
export const nextTermsVersion = (latest: TermsVersionHead | undefined): number => (latest?.version ?? 0) + 1;

/**
 * R-D6: a new version cannot take effect before the one it follows. Letters already signed carry
 * the version in force on their date; a backdated version would rewrite that past. The same date
 * is allowed: from that day the newer version wins.
 */
export const assertEffectiveFromFollows = (
  latest: TermsVersionHead | undefined,
  effectiveFrom: IsoDate,
): Result<IsoDate, Refusal> =>
  latest && effectiveFrom < latest.effectiveFrom
    ? refuse('TERMS.EFFECTIVE_DATE_BEFORE_PREVIOUS', {
        effectiveFrom,
        previousVersion: latest.version,
        previousEffectiveFrom: latest.effectiveFrom,
      })
    : ok(effectiveFrom);

export type TermsVersion = {
  id: string;
  version: number;
  title: string;
  body: string;
  effectiveFrom: IsoDate;
  createdAt: Date;
};
