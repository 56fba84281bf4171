import type { EngagementState } from '../engagements/engagement.ts';
import type { DocumentKind } from './kinds.ts';

export type Automation =
  | { readonly type: 'create_letter_from_proposal' }
  | { readonly type: 'convert_engagement' }
  | { readonly type: 'replace_letters' };

/**
 * What a document's becoming signed sets off, in the same transaction:
 * R-B2 a signed proposal creates the draft engagement letter; R-A4 a signed letter turns a
 * prospect into a client (R-A5: a proposal alone does not; R-A6: only once); R-D1 a signed
 * replacement letter retires the letters it names and their amendments.
 */
export const automationsAfterSignature = (input: {
  kind: DocumentKind;
  engagementState: EngagementState;
}): Automation[] => {
  switch (input.kind) {
    case 'proposal':
      return [{ type: 'create_letter_from_proposal' }];
    case 'engagement_letter':
      return input.engagementState === 'prospect' ? [{ type: 'convert_engagement' }] : [];
    case 'replacement_letter':
      return [{ type: 'replace_letters' }];
    case 'amendment':
    case 'work_order':
    case 'termination_letter':
      return [];
  }
};
