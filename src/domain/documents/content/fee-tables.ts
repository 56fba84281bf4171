import { type BillingPeriod, MONTHS_PER_PERIOD } from '../../billing/instalments.ts';
import { addDays, addMonths } from '../../shared/dates.ts';
import { formatEuros } from '../../shared/format.ts';
import { sumCents } from '../../shared/money.ts';
import { annualValue, lineAmount, lineBillingOf, vatByRate } from '../fees.ts';
import { firstPeriodInstalments } from '../term-period.ts';
import { BILLING_PERIOD_WORDS, periodInstalments } from './billing-period-wording.ts';
import type { Block, TableRow } from './blocks.ts';
import { ttcOfSchedule } from './consumer.ts';
import type { DocumentFacts, LineFacts } from './facts.ts';
import { firstPeriodFeesText, firstPeriodOfFacts } from './period-sections.ts';
import { formatDate, formatMonth, formatQuantity, formatRate, formatUnit, PERIOD_LABELS } from './wording.ts';

/** The fee table of DOMAIN.md E: each line, then totals HT, VAT per rate, TTC. */

type TableOptions = { outsideScope: boolean; firstYear: boolean };

/** What a line weighs in the first year: its annual value, or its amount when it is one-off. */
const firstYearAmount = (line: LineFacts) =>
  line.recurrence === 'one_off' ? lineAmount(line) : annualValue(line);

/** A disbursement known only once paid reads « au réel », never « 0,00 € ». */
const amountCell = (line: LineFacts, cents: number): string =>
  cents === 0 && lineBillingOf(line) === 'at_cost' ? 'au réel' : formatEuros(cents);

const lineRow = (line: LineFacts, options: TableOptions): TableRow => ({
  cells: [
    line.label,
    formatQuantity(line.quantity),
    formatUnit(line.unitLabel, line.quantity),
    amountCell(line, line.unitPriceCents),
    PERIOD_LABELS[line.recurrence],
    ...(options.outsideScope ? [line.outsideScope ? 'Oui' : 'Non'] : []),
    amountCell(line, lineAmount(line)),
    ...(options.firstYear ? [amountCell(line, firstYearAmount(line))] : []),
  ],
});

/** Issue 14, item 6: disbursements are outside the scope of VAT, not taxed at a rate of 0 %. */
export const DISBURSEMENTS_VAT_LABEL = 'débours, non soumis à la TVA (art. 267 II-2° CGI)';

const isDisbursementRate = (facts: DocumentFacts, rateBp: number): boolean => {
  const atRate = facts.lines.filter((line) => line.vatRateBp === rateBp);
  return rateBp === 0 && atRate.length > 0 && atRate.every((line) => lineBillingOf(line) === 'at_cost');
};

/** Totals rows: a label across the table (fewer cells than columns) and the amount in the last. */
const totalsRows = (facts: DocumentFacts): TableRow[] => {
  const row = (label: string, amount: string, emphasis = false): TableRow => ({
    cells: [label, amount],
    emphasis,
  });
  const { totals } = facts;
  const hasRecurring = totals.annualRecurringHtCents > 0;
  return [
    ...(hasRecurring
      ? [row('Honoraires annuels récurrents HT', formatEuros(totals.annualRecurringHtCents))]
      : []),
    ...(totals.oneOffHtCents > 0 ? [row('Honoraires ponctuels HT', formatEuros(totals.oneOffHtCents))] : []),
    row(hasRecurring ? 'Total HT (première année)' : 'Total HT', formatEuros(totals.totalHtCents), true),
    ...totals.vat.map((vat) =>
      isDisbursementRate(facts, vat.rateBp)
        ? row(`Dont ${DISBURSEMENTS_VAT_LABEL}`, formatEuros(vat.baseCents))
        : row(`TVA ${formatRate(vat.rateBp)} sur ${formatEuros(vat.baseCents)}`, formatEuros(vat.vatCents)),
    ),
    row('Total TTC', formatEuros(totals.totalTtcCents), true),
  ];
};

/**
 * With recurring lines, a last column gives each line's weight over the first year (its annual
 * value, or its amount when one-off), so the column adds up to the « Total HT (première année) »
 * below it; the amount per period alone could not be added up.
 */
export const feeTable = (facts: DocumentFacts, input: { outsideScope?: boolean } = {}): Block => {
  const options = {
    outsideScope: input.outsideScope === true,
    firstYear: facts.totals.annualRecurringHtCents > 0,
  };
  const columns = [
    { header: 'Mission', width: 0.28, align: 'left' as const },
    { header: 'Qté', width: 0.06, align: 'right' as const },
    { header: 'Unité', width: 0.12, align: 'left' as const },
    { header: 'P.U. HT', width: 0.13, align: 'right' as const },
    { header: 'Période', width: 0.12, align: 'left' as const },
    ...(options.outsideScope ? [{ header: 'Hors forfait', width: 0.1, align: 'center' as const }] : []),
    { header: 'Montant HT', width: 0.14, align: 'right' as const },
    ...(options.firstYear ? [{ header: '1re année HT', width: 0.15, align: 'right' as const }] : []),
  ];
  return {
    type: 'table',
    columns,
    rows: facts.lines.map((line) => lineRow(line, options)),
    footer: totalsRows(facts),
  };
};

const EACH_PERIOD: Record<LineFacts['recurrence'], string> = {
  monthly: ' chaque mois',
  quarterly: ' chaque trimestre',
  yearly: ' chaque année',
  one_off: '',
};

/**
 * Issue 14, items 4 and 6: a unit line is an estimate of a count, an hourly line an estimate of
 * time, and a disbursement a cost passed on: the client reads what is actually billed.
 */
const billingNote = (line: LineFacts): string | null => {
  const price = formatEuros(line.unitPriceCents);
  const estimate = `${formatQuantity(line.quantity)} ${formatUnit(line.unitLabel, line.quantity)} × ${price} HT`;
  switch (lineBillingOf(line)) {
    case 'unit':
      return `${line.label} : ${estimate} est une estimation ; c’est le nombre réel de ${formatUnit(line.unitLabel, '2')} qui est facturé${EACH_PERIOD[line.recurrence]}, au prix unitaire de ${price} HT${line.recurrence === 'one_off' ? '' : ', les mensualités calculées sur l’estimation étant régularisées sur la facture suivante'}.`;
    case 'hourly':
      return `${line.label} : ${estimate} est une estimation du temps nécessaire ; c’est le temps réellement passé qui est facturé, au taux horaire de ${price} HT, sur la base d’un relevé de temps.`;
    case 'at_cost':
      return `${line.label} : frais payés par le cabinet au nom et pour le compte du client, refacturés à l’euro l’euro sur justificatif ; ${DISBURSEMENTS_VAT_LABEL}.`;
    case 'fixed':
      return null;
  }
};

export const billingNotes = (facts: DocumentFacts): Block[] => {
  const notes = facts.lines.map(billingNote).filter((note): note is string => note !== null);
  return notes.length === 0
    ? []
    : [
        {
          type: 'paragraph',
          tone: 'small',
          text: 'Prestations facturées au réel :',
        },
        { type: 'bullets', items: notes },
      ];
};

type Instalment = { index: number; amount: number };

/** [[1, 7], [2, 8], …]: months in columns, read top to bottom then left to right. */
const pairs = (schedule: readonly number[]): [Instalment, Instalment | undefined][] => {
  const half = Math.ceil(schedule.length / 2);
  return schedule.slice(0, half).map((amount, index) => {
    const other = schedule[index + half];
    return [{ index, amount }, other === undefined ? undefined : { index: index + half, amount: other }];
  });
};

/**
 * "12 mensualités de 103,00 € HT", or "11 mensualités de 83,33 € HT, puis une dernière de 83,37 € HT";
 * "4 échéances trimestrielles de 309,00 € HT" for a letter billed quarterly (R-G2).
 */
export const describeSchedule = (
  schedule: readonly number[],
  tax: 'HT' | 'TTC',
  billing: BillingPeriod = 'monthly',
): string => {
  const first = schedule[0] ?? 0;
  const last = schedule[schedule.length - 1] ?? 0;
  const words = BILLING_PERIOD_WORDS[billing];
  const count = (n: number) => `${n} ${n === 1 ? words.one : words.many}`;
  return first === last
    ? `${count(schedule.length)} de ${formatEuros(first)} ${tax}`
    : `${count(schedule.length - 1)} de ${formatEuros(first)} ${tax}, puis une dernière de ${formatEuros(last)} ${tax}`;
};

/**
 * A consumer reads prices with their taxes: the recurring fees with their VAT (per rate, as on
 * the invoice), split the same way, over the same first period.
 */
const consumerSchedule = (
  facts: DocumentFacts,
  htSchedule: readonly number[],
  prorated: boolean,
  billing: BillingPeriod,
): Block => {
  const recurring = facts.lines.filter((line) => line.recurrence !== 'one_off');
  const vat = vatByRate(
    recurring.map((line) => ({ rateBp: line.vatRateBp, amountCents: annualValue(line) })),
  );
  const annualTtc = facts.totals.annualRecurringHtCents + sumCents(vat.map((v) => v.vatCents));
  // Issue 14, item 12: each TTC instalment is its HT instalment plus its VAT (consumer.ts).
  const schedule = ttcOfSchedule(facts, htSchedule);
  return {
    type: 'paragraph',
    text: prorated
      ? `Soit, toutes taxes comprises, ${formatEuros(annualTtc)} TTC par an ; pour la première période, ${formatEuros(sumCents(schedule))} TTC, réglés en ${describeSchedule(schedule, 'TTC', billing)}.`
      : `Soit, toutes taxes comprises, ${formatEuros(annualTtc)} TTC par an, réglés en ${describeSchedule(schedule, 'TTC', billing)}.`,
  };
};

const scheduleTable = (schedule: readonly number[], start: string, step: number): Block => ({
  type: 'table',
  // Two months a row: the twelve instalments take six lines.
  columns: [
    { header: 'Mois', width: 0.3, align: 'left' },
    { header: 'Montant HT', width: 0.2, align: 'right' },
    { header: 'Mois', width: 0.3, align: 'left' },
    { header: 'Montant HT', width: 0.2, align: 'right' },
  ],
  rows: pairs(schedule).map(([first, second]) => ({
    cells: [
      formatMonth(addMonths(start, first.index * step)),
      formatEuros(first.amount),
      second ? formatMonth(addMonths(start, second.index * step)) : '',
      second ? formatEuros(second.amount) : '',
    ],
  })),
});

/**
 * DOMAIN.md E: instalments of round(annual / 12), the last one takes the remainder. A letter bills
 * its first period (firstPeriodOf): one instalment per month of it (per quarter or year when billed
 * so, R-G2), from its effective date, and says how its fees relate to the annual fees; the other
 * kinds show a year from their start.
 */
export const instalmentSchedule = (facts: DocumentFacts): Block[] => {
  const annual = facts.totals.annualRecurringHtCents;
  if (annual === 0) return [];
  const period = firstPeriodOfFacts(facts);
  const start = facts.effectiveDate ?? facts.issuedOn;
  const months = period?.months ?? 12;
  const billing = facts.billingPeriod ?? 'monthly';
  const words = BILLING_PERIOD_WORDS[billing];
  const step = MONTHS_PER_PERIOD[billing];
  const schedule =
    billing !== 'monthly'
      ? periodInstalments(annual, months, billing)
      : period
        ? firstPeriodInstalments(annual, months)
        : facts.totals.monthlyInstalmentsCents;
  const lastMonth = formatMonth(addMonths(start, (schedule.length - 1) * step));
  const text = period
    ? `${firstPeriodFeesText(facts, period, sumCents(schedule))} Ils sont réglés en ${describeSchedule(schedule, 'HT', billing)}, de ${formatMonth(start)} à ${lastMonth}.${facts.renewal === 'tacit' ? ` À compter du ${formatDate(addDays(period.end, 1))}, chaque exercice est réglé en ${words.perYear}.` : ''}`
    : `Les honoraires annuels récurrents de ${formatEuros(annual)} HT sont réglés en ${describeSchedule(schedule, 'HT', billing)}.`;
  return [
    { type: 'heading', level: 3, text: words.heading },
    ...(billing === 'monthly' ? [] : [{ type: 'paragraph', text: `${words.label}.` } satisfies Block]),
    { type: 'paragraph', text },
    ...(facts.client.isIndividual
      ? [consumerSchedule(facts, schedule, period?.prorated ?? false, billing)]
      : []),
    scheduleTable(schedule, start, step),
  ];
};
