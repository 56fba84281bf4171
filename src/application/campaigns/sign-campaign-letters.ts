import { FIRM_SIGNED_KINDS } from '../../domain/documents/signatures.ts';
import { ERROR_MESSAGES } from '../../domain/shared/errors.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import { recordSignature } from '../documents/record-signature.ts';
import type { DocumentDeps } from '../ports/index.ts';
import { yieldToOthers } from '../yield-to-others.ts';

/** How many letters one request signs at most: the rest is left for the next call (resumable). */
export const CAMPAIGN_SIGNING_CHUNK = 100;

/** A letter already signed for the firm, or no longer out for signature: nothing left to do on it. */
const NOTHING_TO_DO = ['DOCUMENT.SIGNATURE_ALREADY_RECORDED', 'DOCUMENT.TRANSITION_NOT_ALLOWED'];

/**
 * The campaign's letters this associé signs for the firm (as in « À signer par moi »: a letter meant
 * for another associé is theirs), in number order, after the cursor when given.
 */
const waitingLetters = (
  deps: DocumentDeps,
  actor: Actor,
  campaignId: string,
  pageSize: number,
  afterNumber?: string,
) =>
  deps.store.read(actor.firmId).documents.list({
    campaignId,
    awaitingFirmSignature: { userId: actor.userId, kinds: FIRM_SIGNED_KINDS },
    ...(afterNumber === undefined ? {} : { afterNumber }),
    sort: 'number',
    direction: 'asc',
    page: 1,
    pageSize,
  });

/** The campaign's letters sent and still waiting for this associé's signature for the firm. */
export const countCampaignLettersToSign = async (deps: DocumentDeps, actor: Actor, input: { id: string }) => {
  found(await deps.store.read(actor.firmId).campaigns.find(input.id), 'campaign');
  return { waiting: (await waitingLetters(deps, actor, input.id, 1)).total };
};

export type CampaignSigningResult = {
  signed: { documentId: string; number: string | null }[];
  failed: { documentId: string; number: string | null; code: string; message: string }[];
  /** Letters still waiting past this call's cursor: call again with `after: next` to go on. */
  remaining: number;
  /** The cursor for the next call (the last letter this call tried), null when none remain. */
  next: string | null;
};

/**
 * The associé signs a campaign's letters for the firm in one action. Each letter is signed as if
 * one by one (recordSignature, in its own transaction): its own signature row, history event, link
 * used up with this request's address and browser as evidence, and sealed copy. A letter signed
 * meanwhile (another tab, another associé) is skipped; a letter refused by a rule is reported and
 * the others go on. At most CAMPAIGN_SIGNING_CHUNK letters a call, so that a request stays short;
 * calling again with `after: next` resumes with the letters numbered after those tried, so letters
 * refused by a rule do not hold back the others, and signs nothing twice.
 */
export const signCampaignLetters = async (
  deps: DocumentDeps,
  actor: Actor,
  input: {
    id: string;
    /** The previous call's `next`. */
    after?: string;
    evidence: { ip: string | null; userAgent: string | null };
    /** Letters a call (tests lower it). */
    chunk?: number;
  },
): Promise<CampaignSigningResult> => {
  assertCanWrite(actor);
  if (actor.role !== 'associe') throw new AppError('DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE');
  found(await deps.store.read(actor.firmId).campaigns.find(input.id), 'campaign');
  const result: CampaignSigningResult = { signed: [], failed: [], remaining: 0, next: null };
  const chunk = input.chunk ?? CAMPAIGN_SIGNING_CHUNK;
  const page = await waitingLetters(deps, actor, input.id, chunk, input.after);
  for (const letter of page.items) {
    await yieldToOthers();
    try {
      await recordSignature(deps, actor, {
        documentId: letter.id,
        side: 'firm',
        method: 'electronic',
        evidence: input.evidence,
      });
      result.signed.push({ documentId: letter.id, number: letter.number });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (NOTHING_TO_DO.includes(error.code)) continue;
      result.failed.push({
        documentId: letter.id,
        number: letter.number,
        code: error.code,
        message: ERROR_MESSAGES[error.code],
      });
    }
  }
  // A letter refused by a rule stays waiting, behind the cursor: calling again would only refuse it
  // again. The letters after the cursor are those left to try.
  const last = page.items.at(-1)?.number;
  if (page.total > chunk && last) {
    result.remaining = (await waitingLetters(deps, actor, input.id, 1, last)).total;
    result.next = result.remaining > 0 ? last : null;
  }
  return result;
};
