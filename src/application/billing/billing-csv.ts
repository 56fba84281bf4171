import type { RecurringRevenue } from '../../domain/billing/recurring-revenue.ts';
import { BRIDGE_MOVEMENTS, type RevenueBridge } from '../../domain/billing/revenue-bridge.ts';
import type { Cents } from '../../domain/shared/money.ts';
import type { ClientScheduleEntry } from './billing-schedule.ts';

/** Amounts for a billing tool: "1236,00", decimal comma, no thousands separator. */
export const csvAmount = (cents: Cents): string =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** "20,00" for 2000 basis points. */
const csvRate = (rateBp: number): string => csvAmount(rateBp);

export const SCHEDULE_CSV_HEADER = [
  'Mois',
  'Code client',
  'Client',
  'Document facturé',
  'Document source',
  'Nature',
  'Libellés',
  'Taux TVA (%)',
  'Montant HT (€)',
  'TVA (€)',
  'Montant TTC (€)',
] as const;

/**
 * The schedule as a French billing tool imports it: one row per entry and VAT rate (an invoice
 * line per rate), amounts with a decimal comma; the CSV dialect (`;`, BOM, CRLF) is the HTTP layer's.
 */
export const scheduleCsvRows = (entries: readonly ClientScheduleEntry[]): string[][] =>
  entries.flatMap((entry) =>
    entry.vat.map((rate) => [
      entry.month,
      entry.clientCode ?? '',
      entry.clientName,
      entry.number ?? '',
      entry.sourceNumber ?? '',
      entry.type === 'recurring' ? 'Échéance récurrente' : 'Prestation ponctuelle',
      entry.lines
        .filter((line) => line.vatRateBp === rate.rateBp)
        .map((line) => line.label)
        .join(' ; '),
      csvRate(rate.rateBp),
      csvAmount(rate.baseCents),
      csvAmount(rate.vatCents),
      csvAmount(rate.baseCents + rate.vatCents),
    ]),
  );

const MOVEMENT_LABELS = {
  new_clients: 'Nouveaux clients',
  amendment_increases: 'Hausses (avenants)',
  revaluation_increases: 'Hausses (revalorisations)',
  decreases: 'Baisses',
  terminations: 'Fins de mission',
} as const;

export const BRIDGE_CSV_HEADER = ['Poste', 'Client', 'Montant annuel HT (€)'] as const;

/** R-G4: the bridge as rows: start, each movement, end, then each client's movements. */
export const bridgeCsvRows = (bridge: RevenueBridge): string[][] => [
  [`Honoraires récurrents au ${bridge.from}`, '', csvAmount(bridge.startCents)],
  ...BRIDGE_MOVEMENTS.map((key) => [MOVEMENT_LABELS[key], '', csvAmount(bridge.movements[key])]),
  [`Honoraires récurrents au ${bridge.to}`, '', csvAmount(bridge.endCents)],
  ...bridge.clients.flatMap((client) =>
    BRIDGE_MOVEMENTS.filter((key) => client.movements[key] !== 0).map((key) => [
      MOVEMENT_LABELS[key],
      client.clientName,
      csvAmount(client.movements[key]),
    ]),
  ),
];

export const REVENUE_CSV_HEADER = ['Client', 'Honoraires annuels HT (€)'] as const;

export const revenueCsvRows = (revenue: RecurringRevenue): string[][] => [
  ...revenue.byClient.map((client) => [client.clientName, csvAmount(client.annualCents)]),
  ['Total', csvAmount(revenue.totalCents)],
];
