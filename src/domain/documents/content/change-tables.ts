import { formatEuros } from '../../shared/format.ts';
import type { ChangeKind, ChangeRow, ChangeSummary, LineState } from '../change-summary.ts';
import type { Block } from './blocks.ts';
import { formatPercent, formatQuantity, formatUnit, PERIOD_LABELS } from './wording.ts';

/** The before → after tables of amendments and replacement letters. */

const CHANGE_LABELS: Record<ChangeKind, string> = {
  added: 'Ajout',
  modified: 'Modification',
  removed: 'Suppression',
  unchanged: 'Inchangée',
};

/** "7 bulletin × 25,75 € par mois" */
const describeLine = (state: LineState | null): string =>
  state
    ? `${formatQuantity(state.quantity)} ${formatUnit(state.unitLabel, state.quantity)} × ${formatEuros(state.unitPriceCents)} ${PERIOD_LABELS[state.recurrence]}`
    : '—';

const annual = (state: LineState | null): string => (state ? formatEuros(state.annualCents) : '—');

const rowCells = (row: ChangeRow): string[] => [
  CHANGE_LABELS[row.change],
  row.after?.label ?? row.before?.label ?? '',
  describeLine(row.before),
  describeLine(row.after),
  annual(row.before),
  annual(row.after),
  formatPercent(row.percent),
];

export const changeTable = (summary: ChangeSummary, options: { withUnchanged: boolean }): Block => ({
  type: 'table',
  columns: [
    { header: 'Changement', width: 0.13, align: 'left' },
    { header: 'Mission', width: 0.17, align: 'left' },
    { header: 'Avant', width: 0.165, align: 'left' },
    { header: 'Après', width: 0.165, align: 'left' },
    { header: 'Annuel HT avant', width: 0.12, align: 'right' },
    { header: 'Annuel HT après', width: 0.12, align: 'right' },
    { header: 'Évolution', width: 0.12, align: 'right' },
  ],
  rows: summary.rows
    .filter((row) => options.withUnchanged || row.change !== 'unchanged')
    .map((row) => ({ cells: rowCells(row) })),
  footer: [
    {
      cells: [
        'Total des honoraires annuels récurrents',
        formatEuros(summary.annualBeforeCents),
        formatEuros(summary.annualAfterCents),
        formatPercent(summary.percent),
      ],
      emphasis: true,
    },
  ],
});
