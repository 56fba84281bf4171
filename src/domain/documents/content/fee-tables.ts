import { addMonths } from '../../shared/dates.ts';
import { formatEuros } from '../../shared/format.ts';
import { lineAmount } from '../fees.ts';
import type { Block, TableRow } from './blocks.ts';
import type { DocumentFacts, LineFacts } from './facts.ts';
import { formatMonth, formatQuantity, formatRate, formatUnit, PERIOD_LABELS } from './wording.ts';

/** The fee table of DOMAIN.md E: each line, then totals HT, VAT per rate, TTC. */

const lineRow = (line: LineFacts, withOutsideScope: boolean): TableRow => ({
  cells: [
    line.label,
    formatQuantity(line.quantity),
    formatUnit(line.unitLabel, line.quantity),
    formatEuros(line.unitPriceCents),
    PERIOD_LABELS[line.recurrence],
    ...(withOutsideScope ? [line.outsideScope ? 'Oui' : 'Non'] : []),
    formatEuros(lineAmount(line)),
  ],
});

const totalsRows = (facts: DocumentFacts, width: number): TableRow[] => {
  const row = (label: string, amount: string, emphasis = false): TableRow => ({
    cells: [label, ...Array.from({ length: width - 2 }, () => ''), amount],
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

export const feeTable = (facts: DocumentFacts, options: { outsideScope?: boolean } = {}): Block => {
  const withOutsideScope = options.outsideScope === true;
  const columns = [
    { header: 'Mission', width: withOutsideScope ? 0.3 : 0.36, align: 'left' as const },
    { header: 'Qté', width: 0.07, align: 'right' as const },
    { header: 'Unité', width: 0.12, align: 'left' as const },
    { header: 'P.U. HT', width: 0.14, align: 'right' as const },
    { header: 'Période', width: 0.13, align: 'left' as const },
    ...(withOutsideScope ? [{ header: 'Hors forfait', width: 0.1, align: 'center' as const }] : []),
    { header: 'Montant HT', width: withOutsideScope ? 0.14 : 0.18, align: 'right' as const },
  ];
  return {
    type: 'table',
    columns,
    rows: facts.lines.map((line) => lineRow(line, withOutsideScope)),
    footer: totalsRows(facts, columns.length),
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

/** DOMAIN.md E: 12 instalments of round(annual / 12), the last one takes the remainder. */
export const instalmentSchedule = (facts: DocumentFacts): Block[] => {
  const schedule = facts.totals.monthlyInstalmentsCents;
  if (facts.totals.annualRecurringHtCents === 0) return [];
  const first = schedule[0] ?? 0;
  const last = schedule[schedule.length - 1] ?? 0;
  const summary =
    first === last
      ? `${schedule.length} mensualités de ${formatEuros(first)} HT`
      : `${schedule.length - 1} mensualités de ${formatEuros(first)} HT, puis une dernière de ${formatEuros(last)} HT`;
  const start = facts.effectiveDate ?? facts.issuedOn;
  return [
    { type: 'heading', level: 3, text: 'Échéancier mensuel' },
    {
      type: 'paragraph',
      text: `Les honoraires annuels récurrents de ${formatEuros(facts.totals.annualRecurringHtCents)} HT sont réglés en ${summary}.`,
    },
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
