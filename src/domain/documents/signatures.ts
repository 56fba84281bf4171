import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import type { DocumentKind } from './kinds.ts';
import { canApply, type DocumentStatus } from './lifecycle.ts';

export const SIGNATURE_SIDES = ['client', 'firm'] as const;
export type SignatureSide = (typeof SIGNATURE_SIDES)[number];

/**
 * R-B3: proposals and work orders need the client; letters and amendments the client and the firm.
 * R-G1: a letter of termination is signed by both parties too: the one who terminates, and the other
 * acknowledging it (when it is sent as a registered letter instead, its receipt is the proof).
 */
export const REQUIRED_SIGNATURES: Record<DocumentKind, readonly SignatureSide[]> = {
  proposal: ['client'],
  work_order: ['client'],
  engagement_letter: ['client', 'firm'],
  amendment: ['client', 'firm'],
  replacement_letter: ['client', 'firm'],
  termination_letter: ['client', 'firm'],
};

/** The kinds the firm signs too (R-B3): the « À signer par moi » list and a campaign's letters. */
export const FIRM_SIGNED_KINDS = (Object.keys(REQUIRED_SIGNATURES) as DocumentKind[]).filter((kind) =>
  REQUIRED_SIGNATURES[kind].includes('firm'),
);

/**
 * R-G1: a letter of termination posted as a registered letter is signed by no one: its receipt is
 * the proof. Its frozen facts say it was posted.
 */
/** What of a document's frozen content says how it was sent (kept structural: document.ts imports this module). */
type FrozenSending = {
  readonly facts?: { readonly termination?: { readonly registeredMail?: unknown } | null };
} | null;

export const postedByRegisteredMail = (doc: { frozen?: FrozenSending }): boolean =>
  !!doc.frozen?.facts?.termination?.registeredMail;

/** The signatures a document needs now (R-B3), none once posted as a registered letter (R-G1). */
export const requiredSignaturesOf = (doc: {
  kind: DocumentKind;
  frozen?: FrozenSending;
}): readonly SignatureSide[] => (postedByRegisteredMail(doc) ? [] : REQUIRED_SIGNATURES[doc.kind]);

/**
 * Sending a document invites each required signatory with an e-mail address to sign electronically
 * (a personal link); a signatory without one signs on paper. The PDF says which, before it is sent.
 */
export const signsElectronically = (email: string | null | undefined): boolean =>
  typeof email === 'string' && email.trim() !== '';

export type SignatureDecision = {
  readonly completesDocument: boolean;
  readonly missingSides: SignatureSide[];
};

/**
 * R-B3: whether a signature may be recorded, and whether it is the last one required. Only a sent
 * document is signed; each side signs once; an associé signs for the firm.
 */
export const decideSignature = (input: {
  kind: DocumentKind;
  /** The frozen content: a letter of termination posted as a registered letter is signed by no one. */
  frozen?: FrozenSending;
  status: DocumentStatus;
  alreadySigned: readonly SignatureSide[];
  side: SignatureSide;
  signerIsAssocie: boolean;
  /** When the sent document expires (set at sending); null for a document sent before deadlines. */
  signingDeadline: Date | null;
  now: Date;
}): Result<SignatureDecision, Refusal> => {
  const required = requiredSignaturesOf(input);
  if (!canApply(input, 'sign'))
    return refuse('DOCUMENT.TRANSITION_NOT_ALLOWED', { status: input.status, action: 'sign' });
  // DOMAIN.md B: past its deadline a sent document is expired, whether or not the sweep that records
  // it has run yet: a late signature, through the link or on paper, is refused.
  if (input.signingDeadline && input.now.getTime() > input.signingDeadline.getTime())
    return refuse('DOCUMENT.SIGNING_DEADLINE_PASSED', { deadline: input.signingDeadline.toISOString() });
  if (!required.includes(input.side)) return refuse('DOCUMENT.SIGNATURE_NOT_REQUIRED', { side: input.side });
  if (input.alreadySigned.includes(input.side))
    return refuse('DOCUMENT.SIGNATURE_ALREADY_RECORDED', { side: input.side });
  if (input.side === 'firm' && !input.signerIsAssocie) return refuse('DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE');
  const signed = [...input.alreadySigned, input.side];
  const missingSides = required.filter((side) => !signed.includes(side));
  return ok({ completesDocument: missingSides.length === 0, missingSides });
};
