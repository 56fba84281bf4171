import { addMonths } from '../../shared/dates.ts';
import { formatEuros } from '../../shared/format.ts';
import { splitInstalments, sumCents } from '../../shared/money.ts';
import { annualValue, lineAmount, vatByRate } from '../fees.ts';
import type { Block, TableRow } from './blocks.ts';
import type { DocumentFacts, LineFacts } from './facts.ts';
import { formatMonth, formatQuantity, formatRate, formatUnit, PERIOD_LABELS } from './wording.ts';

/** The fee table of DOMAIN.md E: each line, then totals HT, VAT per rate, TTC. */

type TableOptions = { outsideScope: boolean; firstYear: boolean };

/** What a line weighs in the first year: its annual value, or its amount when it is one-off. */
const firstYearAmount = (line: LineFacts) =>
  line.recurrence === 'one_off' ? lineAmount(line) : annualValue(line);

const lineRow = (line: LineFacts, options: TableOptions): TableRow => ({
  cells: [
    line.label,
    formatQuantity(line.quantity),
    formatUnit(line.unitLabel, line.quantity),
    formatEuros(line.unitPriceCents),
    PERIOD_LABELS[line.recurrence],
    ...(options.outsideScope ? [line.outsideScope ? 'Oui' : 'Non'] : []),
    formatEuros(lineAmount(line)),
    ...(options.firstYear ? [formatEuros(firstYearAmount(line))] : []),
  ],
});

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
      row(`TVA ${formatRate(vat.rateBp)} sur ${formatEuros(vat.baseCents)}`, formatEuros(vat.vatCents)),
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

type Instalment = { index: number; amount: number };

/** [[1, 7], [2, 8], …]: months in columns, read top to bottom then left to right. */
const pairs = (schedule: readonly number[]): [Instalment, Instalment | undefined][] => {
  const half = Math.ceil(schedule.length / 2);
  return schedule.slice(0, half).map((amount, index) => {
    const other = schedule[index + half];
    return [{ index, amount }, other === undefined ? undefined : { index: index + half, amount: other }];
  });
};

/** "12 mensualités de 103,00 € HT", or "11 mensualités de 83,33 € HT, puis une dernière de 83,37 € HT". */
const describeSchedule = (schedule: readonly number[], tax: 'HT' | 'TTC'): string => {
  const first = schedule[0] ?? 0;
  const last = schedule[schedule.length - 1] ?? 0;
  return first === last
    ? `${schedule.length} mensualités de ${formatEuros(first)} ${tax}`
    : `${schedule.length - 1} mensualités de ${formatEuros(first)} ${tax}, puis une dernière de ${formatEuros(last)} ${tax}`;
};

/**
 * A consumer reads prices with their taxes: the recurring fees with their VAT (per rate, as on
 * the invoice), split the same way.
 */
const consumerSchedule = (facts: DocumentFacts): Block => {
  const recurring = facts.lines.filter((line) => line.recurrence !== 'one_off');
  const vat = vatByRate(
    recurring.map((line) => ({ rateBp: line.vatRateBp, amountCents: annualValue(line) })),
  );
  const annualTtc = facts.totals.annualRecurringHtCents + sumCents(vat.map((v) => v.vatCents));
  return {
    type: 'paragraph',
    text: `Soit, toutes taxes comprises, ${formatEuros(annualTtc)} TTC par an, réglés en ${describeSchedule(splitInstalments(annualTtc, 12), 'TTC')}.`,
  };
};

/** DOMAIN.md E: 12 instalments of round(annual / 12), the last one takes the remainder. */
export const instalmentSchedule = (facts: DocumentFacts): Block[] => {
  const schedule = facts.totals.monthlyInstalmentsCents;
  if (facts.totals.annualRecurringHtCents === 0) return [];
  const start = facts.effectiveDate ?? facts.issuedOn;
  return [
    { type: 'heading', level: 3, text: 'Échéancier mensuel' },
    {
      type: 'paragraph',
      text: `Les honoraires annuels récurrents de ${formatEuros(facts.totals.annualRecurringHtCents)} HT sont réglés en ${describeSchedule(schedule, 'HT')}.`,
    },
    ...(facts.client.isIndividual ? [consumerSchedule(facts)] : []),
    {
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
          formatMonth(addMonths(start, first.index)),
          formatEuros(first.amount),
          second ? formatMonth(addMonths(start, second.index)) : '',
          second ? formatEuros(second.amount) : '',
        ],
      })),
    },
  ];
};
