import { REQUIRED_SIGNATURES, type SignatureSide } from '../signatures.ts';
import type { DocumentFacts, PersonFacts } from './facts.ts';

/**
 * How a document is signed, as its facts say before it is sent (issue 14, item 8): every required
 * signatory invited by e-mail signs electronically, and such a document carries no paper wording
 * (« Mention manuscrite », « en deux exemplaires »). Facts frozen before this was recorded read as
 * paper, as they were printed.
 */

export const signatoryOf = (facts: DocumentFacts, side: SignatureSide): PersonFacts | null =>
  side === 'client' ? facts.clientSignatory : facts.firmSignatory;

export const signsElectronicallyOn = (facts: DocumentFacts, side: SignatureSide): boolean =>
  signatoryOf(facts, side)?.signsElectronically === true;

/** Every required signatory signs electronically: one electronic original, no handwriting. */
export const isElectronicFlow = (facts: DocumentFacts): boolean =>
  REQUIRED_SIGNATURES[facts.kind].every((side) => signsElectronicallyOn(facts, side));

/**
 * Where and how the document is made. The signed copy says how it was signed; before, the way it
 * goes out: electronically (one original, sealed), on paper (two copies), or both ways.
 */
export const placeLine = (facts: DocumentFacts): string => {
  const city = `Fait à ${facts.firm.city ?? '—'}`;
  const signers = facts.signed?.signers ?? [];
  if (signers.length > 0) {
    const methods = signers.map((signer) => signer.method);
    if (!methods.includes('electronic')) return `${city}, en deux exemplaires`;
    return methods.every((method) => method === 'electronic') ? `${city}, signé électroniquement` : city;
  }
  const sides = REQUIRED_SIGNATURES[facts.kind];
  if (sides.every((side) => signsElectronicallyOn(facts, side)))
    return `${city}, par signature électronique, en un original électronique scellé remis à chaque partie`;
  return sides.some((side) => signsElectronicallyOn(facts, side)) ? city : `${city}, en deux exemplaires`;
};

/** What the box of a signatory invited to sign electronically says, instead of lines to fill by hand. */
export const electronicBoxLines = (mention: string | null): string[] => [
  ...(mention ? [`Accord « ${mention} » exprimé électroniquement lors de la signature`] : []),
  'Signature électronique : lien personnel et code à usage unique',
  'Date et heure enregistrées à la signature',
];
