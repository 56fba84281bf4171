import { REQUIRED_SIGNATURES } from '../../domain/documents/signatures.ts';
import { ERROR_MESSAGES } from '../../domain/shared/errors.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import { recordSignature } from '../documents/record-signature.ts';
import type { DocumentDeps } from '../ports/index.ts';
import type { Document } from '../records.ts';
import { yieldToOthers } from '../yield-to-others.ts';

const FIRM_SIGNED_KINDS = (Object.keys(REQUIRED_SIGNATURES) as Document['kind'][]).filter((kind) =>
  REQUIRED_SIGNATURES[kind].includes('firm'),
);

/** How many letters one request signs at most: the rest is left for the next call (resumable). */
export const CAMPAIGN_SIGNING_CHUNK = 100;

/** A letter already signed for the firm, or no longer out for signature: nothing left to do on it. */
const NOTHING_TO_DO = ['DOCUMENT.SIGNATURE_ALREADY_RECORDED', 'DOCUMENT.TRANSITION_NOT_ALLOWED'];

const waitingLetters = (deps: DocumentDeps, actor: Actor, campaignId: string, pageSize: number) =>
  deps.store.read(actor.firmId).documents.list({
    campaignId,
    awaitingFirmSignature: { kinds: FIRM_SIGNED_KINDS },
    sort: 'number',
    direction: 'asc',
    page: 1,
    pageSize,
  });

/** The campaign's letters sent and still waiting for the firm's signature. */
export const countCampaignLettersToSign = async (deps: DocumentDeps, actor: Actor, input: { id: string }) => {
  found(await deps.store.read(actor.firmId).campaigns.find(input.id), 'campaign');
  return { waiting: (await waitingLetters(deps, actor, input.id, 1)).total };
};

export type CampaignSigningResult = {
  signed: { documentId: string; number: string | null }[];
  failed: { documentId: string; number: string | null; code: string; message: string }[];
  /** Letters still waiting after this call: call again to go on. */
  remaining: number;
};

/**
 * The associé signs a campaign's letters for the firm in one action. Each letter is signed as if
 * one by one (recordSignature, in its own transaction): its own signature row, history event, link
 * used up with this request's address and browser as evidence, and sealed copy. A letter signed
 * meanwhile (another tab, another associé) is skipped; a letter refused by a rule is reported and
 * the others go on. At most CAMPAIGN_SIGNING_CHUNK letters a call, so that a request stays short;
 * calling again resumes with the letters still waiting, and signs nothing twice.
 */
export const signCampaignLetters = async (
  deps: DocumentDeps,
  actor: Actor,
  input: { id: string; evidence: { ip: string | null; userAgent: string | null } },
): Promise<CampaignSigningResult> => {
  assertCanWrite(actor);
  if (actor.role !== 'associe') throw new AppError('DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE');
  found(await deps.store.read(actor.firmId).campaigns.find(input.id), 'campaign');
  const result: CampaignSigningResult = { signed: [], failed: [], remaining: 0 };
  const page = await waitingLetters(deps, actor, input.id, CAMPAIGN_SIGNING_CHUNK);
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
  // A letter refused by a rule stays waiting, but calling again would only refuse it again.
  const after = await waitingLetters(deps, actor, input.id, 1);
  result.remaining = Math.max(0, after.total - result.failed.length);
  return result;
};
