import { MONTHS_PER_PERIOD } from '../../billing/instalments.ts';
import { formatEuros } from '../../shared/format.ts';
import { amendmentTotalsOf } from '../amendment-totals.ts';
import type { AmendmentSummary } from '../change-summary.ts';
import { BILLING_PERIOD_WORDS } from './billing-period-wording.ts';
import type { Block } from './blocks.ts';
import { changeTable } from './change-tables.ts';
import { paymentClauses } from './clauses.ts';
import { notesBlock, partiesBlock, signatureBlock } from './common-sections.ts';
import type { DocumentFacts } from './facts.ts';
import { billingNotes } from './fee-tables.ts';
import { missionChapters } from './mission-chapters.ts';
import { formatDate, formatPercent } from './wording.ts';

/** Proposals, amendments and work orders: shorter documents, each with what its kind requires. */

export { proposalBlocks } from './proposal-content.ts';
export { workOrderBlocks } from './work-order-content.ts';

/**
 * Issue 14, item 9: an added service carries its chapter as a letter would (nature and scope,
 * limits, who does what); the new monthly instalment from the effective date, with and without
 * VAT, and the payment terms are restated, so the amendment reads on its own.
 */
const newInstalment = (facts: DocumentFacts, summary: AmendmentSummary): Block => {
  const totals = amendmentTotalsOf({
    before: summary.rows.flatMap((row) => (row.before ? [row.before] : [])),
    after: summary.rows.flatMap((row) => (row.after ? [row.after] : [])),
    effectiveDate: summary.effectiveDate,
    billingPeriod: facts.billingPeriod,
  });
  const billing = totals.billingPeriod;
  if (billing !== 'monthly') {
    // R-G2: an amendment is billed on its letter's period, so it states that period's instalment.
    const months = MONTHS_PER_PERIOD[billing];
    const one = BILLING_PERIOD_WORDS[billing].one;
    const ht = totals.newInstalmentHtCents;
    const exact = ht * (12 / months) === totals.letterAnnualAfterHtCents;
    return {
      type: 'paragraph',
      text: `À compter du ${formatDate(facts.effectiveDate)}, l’${one} des honoraires récurrents de la lettre est de ${formatEuros(ht)} HT, soit ${formatEuros(totals.newInstalmentTtcCents)} TTC${exact ? '' : ` (la dernière ${one} de chaque exercice ajustée de l’arrondi)`}, payable selon les modalités ci-dessous.`,
    };
  }
  const exact = totals.newMonthlyInstalmentHtCents * 12 === totals.letterAnnualAfterHtCents;
  return {
    type: 'paragraph',
    text: `À compter du ${formatDate(facts.effectiveDate)}, la mensualité des honoraires récurrents de la lettre est de ${formatEuros(totals.newMonthlyInstalmentHtCents)} HT, soit ${formatEuros(totals.newMonthlyInstalmentTtcCents)} TTC${exact ? '' : ' (la dernière mensualité de chaque exercice ajustée de l’arrondi)'}, payable selon les modalités ci-dessous.`,
  };
};

export const amendmentBlocks = (facts: DocumentFacts): Block[] => {
  const amendment = facts.amendment;
  const summary = amendment?.summary;
  const added = amendment?.addedLines ?? [];
  return [
    ...partiesBlock(facts),
    { type: 'heading', level: 2, text: 'Objet de l’avenant' },
    {
      type: 'paragraph',
      text: `Le présent avenant modifie la lettre de mission n° ${amendment?.letterNumber ?? '—'} signée le ${formatDate(amendment?.letterSignedOn ?? null)}, à compter du ${formatDate(facts.effectiveDate)}.`,
    },
    { type: 'heading', level: 2, text: 'Modifications' },
    ...(summary ? [changeTable(summary, { withUnchanged: false })] : []),
    ...(summary
      ? [
          {
            type: 'paragraph' as const,
            tone: 'strong' as const,
            text: `Nouveau total des honoraires annuels récurrents de la lettre : ${formatEuros(summary.annualAfterCents)} HT (${formatEuros(summary.annualBeforeCents)} HT auparavant, ${formatPercent(summary.percent)}), à compter du ${formatDate(facts.effectiveDate)}.`,
          },
          newInstalment(facts, summary),
        ]
      : []),
    ...billingNotes({ ...facts, lines: added }),
    ...(added.length > 0
      ? [
          { type: 'heading' as const, level: 2 as const, text: 'Missions ajoutées' },
          ...missionChapters(added, true),
        ]
      : []),
    ...paymentClauses(facts),
    {
      type: 'paragraph',
      text: 'Toutes les autres stipulations de la lettre de mission et de ses conditions générales demeurent inchangées.',
    },
    ...notesBlock(facts),
    signatureBlock(facts, 'Signatures', 'Lu et approuvé, bon pour accord'),
  ];
};
