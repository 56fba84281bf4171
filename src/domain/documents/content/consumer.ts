import { formatEuros } from '../../shared/format.ts';
import { type Cents, scaleCents, sumCents } from '../../shared/money.ts';
import { annualValue, lineAmount, vatByRate } from '../fees.ts';
import type { Block } from './blocks.ts';
import type { DocumentFacts, LineFacts } from './facts.ts';
import { isElectronicFlow } from './signing-flow.ts';
import { addressLines, formatDate, PERIOD_LABELS } from './wording.ts';

/**
 * A private person is a consumer (issue 14, item 12): prices are given with their taxes first
 * (Code de la consommation, L. 112-1), the withdrawal right comes with its model form (L. 221-5 and
 * its annex, R. 221-1), and work starts within the fourteen days only at the client's express
 * request (L. 221-25).
 */

const heading = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
const paragraph = (text: string): Block => ({ type: 'paragraph', text });

/** The recurring fees' VAT, per rate on each rate's annual base, as the totals compute it. */
const recurringVat = (facts: DocumentFacts): Cents =>
  sumCents(
    vatByRate(
      facts.lines
        .filter((line) => line.recurrence !== 'one_off')
        .map((line) => ({ rateBp: line.vatRateBp, amountCents: annualValue(line) })),
    ).map((vat) => vat.vatCents),
  );

/**
 * The TTC instalments of an HT schedule: each month's HT plus its share of the VAT (at the
 * recurring fees' overall rate, rounded half-up), the last month taking the remainder; so month by
 * month TTC = HT + VAT, and over a full year they add up to the annual fees HT plus their VAT.
 */
export const ttcOfSchedule = (facts: DocumentFacts, htSchedule: readonly Cents[]): Cents[] => {
  const annualHt = facts.totals.annualRecurringHtCents;
  if (annualHt === 0 || htSchedule.length === 0) return [];
  const ratio = { numerator: String(recurringVat(facts)), denominator: String(annualHt) };
  const scheduleVat = scaleCents(sumCents(htSchedule), ratio);
  const vats = htSchedule.slice(0, -1).map((ht) => scaleCents(ht, ratio));
  vats.push(scheduleVat - sumCents(vats));
  return htSchedule.map((ht, index) => ht + (vats[index] ?? 0));
};

/** The TTC instalments of the document's monthly HT instalments. */
export const ttcInstalments = (facts: DocumentFacts): Cents[] =>
  ttcOfSchedule(facts, facts.totals.monthlyInstalmentsCents);

/** A line's price with its VAT (rounded half-up to the cent), per period. */
const lineTtc = (line: LineFacts): Cents => {
  const amount = lineAmount(line);
  return (
    amount + sumCents(vatByRate([{ rateBp: line.vatRateBp, amountCents: amount }]).map((v) => v.vatCents))
  );
};

/** Before the detail excluding tax, a consumer reads what each service costs with its taxes. */
export const consumerPrices = (facts: DocumentFacts): Block[] => {
  if (!facts.client.isIndividual) return [];
  const instalments = ttcInstalments(facts);
  const recurringTtc = sumCents(instalments);
  return [
    heading(3, 'Prix toutes taxes comprises'),
    {
      type: 'table',
      columns: [
        { header: 'Mission', width: 0.55, align: 'left' },
        { header: 'Prix TTC', width: 0.25, align: 'right' },
        { header: 'Période', width: 0.2, align: 'left' },
      ],
      rows: facts.lines.map((line) => ({
        cells: [line.label, formatEuros(lineTtc(line)), PERIOD_LABELS[line.recurrence]],
      })),
      footer: [
        ...(recurringTtc > 0
          ? [{ cells: ['Mensualités de la première année TTC', formatEuros(recurringTtc)] }]
          : []),
        { cells: ['Total TTC', formatEuros(facts.totals.totalTtcCents)], emphasis: true },
      ],
    },
    {
      type: 'paragraph',
      tone: 'small',
      text: 'Le détail hors taxes et la TVA figurent ci-dessous ; les montants toutes taxes comprises font foi pour le client.',
    },
  ];
};

/** Who receives the withdrawal: the firm's name, address and e-mail, as the model form asks. */
const firmAddress = (facts: DocumentFacts): string =>
  [facts.firm.name, ...addressLines(facts.firm), facts.firm.email].filter(Boolean).join(', ');

/** L. 221-18, L. 221-25, L. 221-28: the fourteen days, and work started within them on request. */
export const withdrawalSection = (facts: DocumentFacts): Block[] => {
  if (!facts.client.isIndividual) return [];
  const electronic = isElectronicFlow(facts);
  return [
    heading(2, 'Droit de rétractation'),
    paragraph(
      `Lorsque le contrat est conclu à distance ou hors établissement, le client dispose de quatorze jours à compter de sa conclusion pour se rétracter, sans avoir à motiver sa décision ni à supporter d’autres coûts que ceux prévus ci-dessous (articles L. 221-18 et suivants du Code de la consommation). Il notifie sa décision au cabinet (${firmAddress(facts)}) au moyen du formulaire de rétractation annexé ou de toute autre déclaration dénuée d’ambiguïté, avant l’expiration du délai.`,
    ),
    heading(3, 'Demande expresse d’exécution avant la fin du délai'),
    paragraph(
      `La mission ne commence qu’à l’expiration du délai de rétractation, sauf si le client demande expressément qu’elle commence avant. ${electronic ? `Il formule cette demande par un courriel adressé au cabinet${facts.firm.email ? ` (${facts.firm.email})` : ''}, qui la conserve.` : 'Il formule cette demande en cochant la case ci-dessous avant de signer.'} Le client qui se rétracte après cette demande paie un montant proportionné aux travaux réalisés jusqu’à la communication de sa décision (article L. 221-25) ; il perd son droit de rétractation lorsque la mission est entièrement exécutée avant la fin du délai (article L. 221-28, 1°).`,
    ),
    ...(electronic
      ? []
      : [
          paragraph(
            '☐ Je demande expressément que la mission commence avant la fin du délai de rétractation de quatorze jours.',
          ),
        ]),
  ];
};

/** The model form of the annex to article R. 221-1, with the firm's details filled in. */
export const withdrawalForm = (facts: DocumentFacts): Block[] => {
  if (!facts.client.isIndividual) return [];
  const reference = facts.number ? ` n° ${facts.number} du ${formatDate(facts.issuedOn)}` : '';
  return [
    { type: 'pageBreak' },
    heading(1, 'Annexe — Formulaire de rétractation'),
    paragraph(
      '(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)',
    ),
    paragraph(`À l’attention de ${firmAddress(facts)} :`),
    paragraph(
      `Je/nous (*) vous notifie/notifions (*) par la présente ma/notre (*) rétractation du contrat portant sur la prestation de services ci-dessous : ${facts.title}${reference}.`,
    ),
    ...[
      'Commandé le (*)/reçu le (*) :',
      'Nom du (des) consommateur(s) :',
      'Adresse du (des) consommateur(s) :',
      'Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :',
      'Date :',
    ].map(paragraph),
    { type: 'paragraph', tone: 'small', text: '(*) Rayez la mention inutile.' },
  ];
};
