import { MONTHS_PER_PERIOD } from '../../billing/instalments.ts';
import { addDays } from '../../shared/dates.ts';
import { formatEuros } from '../../shared/format.ts';
import type { Cents } from '../../shared/money.ts';
import { annualValue } from '../fees.ts';
import { DOCUMENT_KIND_LABELS_FR } from '../kinds.ts';
import type { LetterScope } from '../scope.ts';
import { periodFees } from '../term-period.ts';
import { BILLING_PERIOD_WORDS } from './billing-period-wording.ts';
import type { Block, TableRow } from './blocks.ts';
import { partiesBlock, signatureBlock } from './common-sections.ts';
import type { DocumentFacts, EndingServiceFacts, TerminationFacts } from './facts.ts';
import { formatDate, formatQuantity, formatUnit, RECURRENCE_LABELS } from './wording.ts';

/**
 * R-G1: the letter of termination (« lettre de fin de mission »). It says which letter ends, who
 * ends it and why (unless the reason is confidential), on which day, how the notice period was
 * kept or waived by agreement, which services end with it and which fees remain due until then.
 */

const partyName = (facts: DocumentFacts, side: 'client' | 'firm'): string =>
  side === 'client' ? `le client, ${facts.client.name},` : `le cabinet, ${facts.firm.name},`;

const letterReference = (termination: TerminationFacts): string => {
  const { letter } = termination;
  const signed = letter.signedOn ? ` signée le ${formatDate(letter.signedOn)}` : '';
  return `la ${DOCUMENT_KIND_LABELS_FR[letter.kind]} n° ${letter.number ?? '—'}${signed}`;
};

/** The annual fees of the services in force on the end date, excluding VAT. */
export const annualFeesEnding = (termination: TerminationFacts): Cents =>
  termination.services
    .filter((service) => service.recurrence !== 'one_off')
    .reduce((sum, service) => sum + service.annualHtCents, 0);

const purpose = (facts: DocumentFacts, termination: TerminationFacts): Block[] => [
  { type: 'heading', level: 2, text: 'Objet' },
  {
    type: 'paragraph',
    text: `Par la présente, ${partyName(facts, termination.requestedBy)} met fin à ${letterReference(termination)}, ainsi qu’à ses avenants. La mission prend fin le ${formatDate(termination.endDate)} : la lettre cesse de produire effet à compter du ${formatDate(addDays(termination.endDate, 1))}.`,
  },
  {
    type: 'fields',
    rows: [
      ['Lettre de mission', termination.letter.number ?? '—'],
      ['Date d’effet de la lettre', formatDate(termination.letter.effectiveDate)],
      ['À l’initiative de', termination.requestedBy === 'client' ? 'du client' : 'du cabinet'],
      ...(termination.reason ? [['Motif', termination.reason] as const] : []),
      ['Date de notification', formatDate(termination.noticeGivenOn)],
      ['Date de fin de mission', formatDate(termination.endDate)],
    ],
  },
];

const notice = (termination: TerminationFacts): Block[] => [
  { type: 'heading', level: 2, text: 'Préavis' },
  {
    type: 'paragraph',
    text: termination.noticeRespected
      ? `Le préavis de ${termination.noticeMonths} mois prévu par la lettre de mission est respecté : à la date de notification, la mission pouvait prendre fin au plus tôt le ${formatDate(termination.earliestEndDate)}.`
      : `Les parties conviennent d’un commun accord de mettre fin à la mission le ${formatDate(termination.endDate)}, avant le ${formatDate(termination.earliestEndDate)} que le préavis de ${termination.noticeMonths} mois prévu par la lettre de mission aurait permis ; elles renoncent à ce préavis.`,
  },
];

const serviceRows = (termination: TerminationFacts): TableRow[] =>
  termination.services.map((service) => ({
    cells: [
      service.label,
      RECURRENCE_LABELS[service.recurrence],
      `${formatQuantity(service.quantity)} ${formatUnit(service.unitLabel, service.quantity)}`.trim(),
      service.recurrence === 'one_off' ? '—' : formatEuros(service.annualHtCents),
    ],
  }));

const endingServices = (termination: TerminationFacts): Block[] => [
  { type: 'heading', level: 2, text: 'Missions qui prennent fin' },
  termination.services.length === 0
    ? { type: 'paragraph', text: 'Aucune mission de la lettre n’est en vigueur à la date de fin.' }
    : {
        type: 'table',
        columns: [
          { header: 'Mission', width: 0.46, align: 'left' },
          { header: 'Récurrence', width: 0.18, align: 'left' },
          { header: 'Quantité', width: 0.14, align: 'right' },
          { header: 'Honoraires annuels HT', width: 0.22, align: 'right' },
        ],
        rows: serviceRows(termination),
        footer: [
          {
            cells: ['Total des honoraires annuels récurrents', formatEuros(annualFeesEnding(termination))],
            emphasis: true,
          },
        ],
      },
];

/**
 * R-G2: the instalments the ended letter's fees were due in, on its billing period: « 4 échéances
 * trimestrielles de 309,00 € HT » for 1 236,00 € a year (R-G3: the last takes the rounding).
 */
const instalmentsSentence = (termination: TerminationFacts, annual: number): string => {
  const period = termination.billingPeriod ?? 'monthly';
  const months = MONTHS_PER_PERIOD[period];
  const instalment = periodFees(annual, months);
  const exact = instalment * (12 / months) === annual;
  return ` La lettre est facturée en ${BILLING_PERIOD_WORDS[period].perYear} de ${formatEuros(instalment)} HT${exact ? '' : ` (la dernière ${BILLING_PERIOD_WORDS[period].one} de chaque exercice ajustée de l’arrondi)`}.`;
};

/** R-G2: billing stops at the end date; what was due until then remains due. */
const feesDue = (termination: TerminationFacts): Block[] => {
  const annual = annualFeesEnding(termination);
  return [
    { type: 'heading', level: 2, text: 'Honoraires dus jusqu’à la fin de la mission' },
    {
      type: 'paragraph',
      text:
        annual > 0
          ? `Les honoraires prévus par la lettre de mission restent dus jusqu’au ${formatDate(termination.endDate)} inclus, selon son échéancier : ${formatEuros(annual)} HT par an pour les missions récurrentes.${instalmentsSentence(termination, annual)} Aucun honoraire récurrent n’est dû au-delà de cette date.`
          : `Aucun honoraire récurrent n’est dû au-delà du ${formatDate(termination.endDate)}.`,
    },
    {
      type: 'paragraph',
      text: 'Les prestations ponctuelles réalisées jusqu’à cette date, et les travaux en cours qu’elle interrompt, sont facturés selon les conditions de la lettre de mission.',
    },
  ];
};

const aftermath: Block[] = [
  { type: 'heading', level: 2, text: 'Suites de la fin de mission' },
  {
    type: 'paragraph',
    text: 'Le cabinet tient à la disposition du client les documents qui lui appartiennent et, à sa demande, répond à l’expert-comptable qui lui succède, conformément aux règles de la profession. Le secret professionnel et les obligations de conservation demeurent après la fin de la mission.',
  },
];

const registered = (termination: TerminationFacts): Block[] =>
  termination.registeredMail
    ? [
        {
          type: 'paragraph',
          tone: 'strong',
          text: `Envoyée par lettre recommandée avec demande d’avis de réception n° ${termination.registeredMail.number} le ${formatDate(termination.registeredMail.sentOn)}.`,
        },
      ]
    : [];

export const terminationLetterBlocks = (facts: DocumentFacts): Block[] => {
  const termination = facts.termination;
  if (!termination) return [...partiesBlock(facts)];
  return [
    ...partiesBlock(facts),
    ...purpose(facts, termination),
    ...notice(termination),
    ...endingServices(termination),
    ...feesDue(termination),
    ...aftermath,
    ...registered(termination),
    signatureBlock(
      facts,
      'Signatures',
      termination.requestedBy === 'client' ? 'Bon pour fin de mission' : 'Pris connaissance',
    ),
  ];
};

/** R-G1: the services of a letter's scope on its end date (R-C3), as its letter of termination lists them. */
export const endingServicesOf = (scope: Pick<LetterScope, 'lines'>): EndingServiceFacts[] =>
  scope.lines.map((line) => ({
    label: line.label,
    recurrence: line.recurrence,
    quantity: line.quantity,
    unitLabel: line.unitLabel,
    annualHtCents: annualValue(line),
  }));
