import { convertEngagement } from '../application/engagements/manage-engagements.ts';
import type { Document } from '../application/records.ts';
import { serviceOf } from './seed-catalogue.ts';
import { DEMO_CLIENTS } from './seed-clients.ts';
import {
  draft,
  type Kit,
  letterTerms,
  line,
  openEngagement,
  send,
  sendAndSign,
  sign,
} from './seed-demo-kit.ts';

/**
 * The demo's client files, each told through the real use cases and dated in the past: numbers,
 * client codes and history come out as a firm would have them. Run in this order, numbering follows
 * the dates.
 */

const letterFromProposal = async (kit: Kit, proposal: Document): Promise<Document> => {
  const letter = await kit.deps.store.read(kit.actor.firmId).documents.findLetterFromProposal(proposal.id);
  if (!letter) throw new Error(`no letter from proposal ${proposal.number}`);
  return letter;
};

const lineOf = (kit: Kit, letter: Document, code: string): string => {
  const serviceId = serviceOf(kit.catalogue, code).id;
  const found = letter.lines.find((l) => l.serviceId === serviceId);
  if (!found) throw new Error(`${letter.number} has no ${code} line`);
  return found.id;
};

/** A letter signed last year, an amendment adding payslips, then a replacement letter revalued by 1.03 (R-D1). */
const garage = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.garage, 420);
  const letter = await draft(kit, 415, {
    engagement,
    kind: 'engagement_letter',
    lines: [
      line(kit, 'COMPTA-TENUE', '1', 26_000),
      line(kit, 'COMPTA-REVISION', '1', 240_000),
      line(kit, 'FISCAL-LIASSE', '1', 70_000),
      line(kit, 'FISCAL-TVA-CA3'),
      line(kit, 'FISCAL-CFE-CVAE'),
      line(kit, 'JURIDIQUE-ANNUEL'),
    ],
  });
  await sendAndSign(kit, { sent: 414, signed: 410 }, letter);
  const amendment = await draft(kit, 200, {
    engagement,
    kind: 'amendment',
    amendsLetterId: letter.id,
    notes: 'Embauche de deux mécaniciens : la paie est confiée au cabinet.',
    changes: [{ op: 'add', line: line(kit, 'SOCIAL-PAIE', '2') }],
  });
  await sendAndSign(kit, { sent: 200, signed: 195 }, amendment);
  const replacement = await draft(kit, 60, {
    engagement,
    kind: 'replacement_letter',
    title: 'Lettre de mission substitutive — renouvellement et revalorisation',
    replacement: { coefficient: '1.03' },
  });
  await sendAndSign(kit, { sent: 59, signed: 55 }, replacement);
};

/** A letter in force and a revalued replacement letter the client has signed, the firm not yet. */
const sci = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.sci, 380);
  const letter = await draft(kit, 375, {
    engagement,
    kind: 'engagement_letter',
    lines: [line(kit, 'COMPTA-SCI'), line(kit, 'JURIDIQUE-ANNUEL', '1', 40_000)],
  });
  await sendAndSign(kit, { sent: 374, signed: 370 }, letter);
  const replacement = await draft(kit, 25, {
    engagement,
    kind: 'replacement_letter',
    replacement: { coefficient: '1.03' },
  });
  await sign(kit, 20, await send(kit, 24, replacement), 'client');
};

/** Proposal signed → its letter (R-B2) signed → client (R-A4); then an amendment and a work order. */
const boulangerie = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.boulangerie, 300);
  const proposal = await draft(kit, 298, {
    engagement,
    kind: 'proposal',
    lines: [
      line(kit, 'COMPTA-TENUE', '1', 23_000),
      line(kit, 'COMPTA-REVISION', '1', 210_000),
      line(kit, 'FISCAL-LIASSE'),
      line(kit, 'FISCAL-TVA-CA3'),
      line(kit, 'SOCIAL-PAIE', '3'),
      line(kit, 'JURIDIQUE-ANNUEL'),
      line(kit, 'AUTRE-REPRISE'),
    ],
  });
  await sendAndSign(kit, { sent: 297, signed: 290 }, proposal);
  const letter = await sendAndSign(kit, { sent: 289, signed: 285 }, await letterFromProposal(kit, proposal));
  const amendment = await draft(kit, 120, {
    engagement,
    kind: 'amendment',
    amendsLetterId: letter.id,
    notes: 'Ouverture du second point de vente : cinq bulletins de paie par mois au lieu de trois.',
    changes: [{ op: 'modify', targetLineId: lineOf(kit, letter, 'SOCIAL-PAIE'), quantity: '5' }],
  });
  await sendAndSign(kit, { sent: 119, signed: 115 }, amendment);
  const workOrder = await draft(kit, 40, {
    engagement,
    kind: 'work_order',
    lines: [line(kit, 'SOCIAL-MOUVEMENT', '2'), line(kit, 'SOCIAL-CONTRAT', '2')],
  });
  await sendAndSign(kit, { sent: 40, signed: 38 }, workOrder);
};

/** A private person (no SIREN): consumer terms, no 40 € indemnity. */
const particulier = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.particulier, 250);
  const proposal = await draft(kit, 248, {
    engagement,
    kind: 'proposal',
    ...letterTerms({ consumer: true }),
    lines: [line(kit, 'FISCAL-LMNP'), line(kit, 'AUTRE-REPRISE', '1', 20_000)],
  });
  await sendAndSign(kit, { sent: 247, signed: 240 }, proposal);
  await sendAndSign(kit, { sent: 239, signed: 236 }, await letterFromProposal(kit, proposal));
};

/** A signed letter, and a work order (attestation) sent and awaiting the client's signature. */
const atelier = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.atelier, 180);
  const letter = await draft(kit, 178, {
    engagement,
    kind: 'engagement_letter',
    lines: [
      line(kit, 'COMPTA-TENUE', '1', 15_000),
      line(kit, 'COMPTA-REVISION', '1', 140_000),
      line(kit, 'FISCAL-LIASSE', '1', 45_000),
      line(kit, 'FISCAL-TVA-CA12'),
      line(kit, 'JURIDIQUE-ANNUEL', '1', 45_000),
    ],
  });
  await sendAndSign(kit, { sent: 177, signed: 175 }, letter);
  const workOrder = await draft(kit, 10, {
    engagement,
    kind: 'work_order',
    notes: 'Attestation de chiffre d’affaires demandée pour un appel d’offres public.',
    lines: [line(kit, 'CONSEIL-ATTESTATION')],
  });
  await send(kit, 9, workOrder);
};

/** Converted by hand (R-A7) on taking over the file; its first letter is sent, awaiting signatures. */
const cave = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.cave, 150);
  kit.clock.daysAgo(148);
  await convertEngagement(kit.deps, kit.actor, {
    engagementId: engagement.id,
    reason:
      'Reprise du dossier en cours d’exercice : lettre de mission papier signée avec le précédent cabinet, transférée au 1er avril.',
  });
  const letter = await draft(kit, 30, {
    engagement,
    kind: 'engagement_letter',
    lines: [
      line(kit, 'COMPTA-TENUE', '1', 21_000),
      line(kit, 'COMPTA-REVISION'),
      line(kit, 'FISCAL-LIASSE'),
      line(kit, 'FISCAL-TVA-CA3'),
      line(kit, 'SOCIAL-PAIE', '2'),
      line(kit, 'JURIDIQUE-ANNUEL'),
      line(kit, 'CONSEIL-TABLEAU-BORD'),
    ],
  });
  await send(kit, 29, letter);
};

export const CLIENT_STORIES = [garage, sci, boulangerie, particulier, atelier, cave];
