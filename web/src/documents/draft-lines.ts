import {
  computeTotals,
  type DocumentTotals,
  isQuantity,
  MAX_PRICE_CENTS,
  type PricedLine,
} from '../../../src/domain/documents/fees.ts';
import type { DocumentLine, LineInput, Recurrence, Service } from '../api/types.ts';
import { centsToInput, formatDecimal, parseEuros } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';

/**
 * A line as the editor holds it: what the person typed, in French ("7,5", "1 236,50"). Totals are
 * computed by the domain's own fee rules (src/domain/documents/fees.ts, pure integer cents and exact
 * decimals), so the live totals are the ones the server will store, to the cent.
 */
export type DraftLine = {
  key: string;
  id: string | null;
  serviceId: string | null;
  label: string;
  /** Nature and scope of the service: a letter must describe each one. */
  description: string;
  unitLabel: string | null;
  quantity: string;
  price: string;
  vatRateBp: number;
  recurrence: Recurrence;
};

let counter = 0;
const nextKey = () => {
  counter += 1;
  return `line-${counter}`;
};

export const fromDocumentLine = (line: DocumentLine): DraftLine => ({
  key: line.id,
  id: line.id,
  serviceId: line.serviceId,
  label: line.label,
  description: line.description ?? '',
  unitLabel: line.unitLabel,
  quantity: formatDecimal(line.quantity),
  price: centsToInput(line.unitPriceCents),
  vatRateBp: line.vatRateBp,
  recurrence: line.recurrence,
});

export const fromService = (service: Service): DraftLine => ({
  key: nextKey(),
  id: null,
  serviceId: service.id,
  label: service.label,
  description: service.description ?? '',
  unitLabel: service.unitLabel,
  quantity: '1',
  price: centsToInput(service.priceCents),
  vatRateBp: service.vatRateBp,
  recurrence: service.recurrence,
});

export const emptyLine = (): DraftLine => ({
  key: nextKey(),
  id: null,
  serviceId: null,
  label: '',
  description: '',
  unitLabel: null,
  quantity: '1',
  price: '',
  vatRateBp: 2000,
  recurrence: 'one_off',
});

/** "7,5" → "7.5", or undefined when it is not a positive decimal of at most 3 places the API takes. */
export const parseQuantity = (text: string): string | undefined => {
  const value = text.trim().replace(',', '.');
  return isQuantity(value) ? value : undefined;
};

/** "1 250,50" → 125050, or undefined when it is not an amount in euros the API takes (the server's limits, fees.ts). */
export const parsePrice = (text: string): number | undefined => {
  const cents = parseEuros(text);
  return cents !== undefined && cents <= MAX_PRICE_CENTS ? cents : undefined;
};

export type LineProblems = Partial<Record<'quantity' | 'price', MessageKey>>;

/**
 * What is wrong with a line, field by field, as the editor shows it next to each field. An empty
 * price is a line not finished yet: not counted, but said only once the person has typed something.
 */
export const lineProblems = (line: DraftLine): LineProblems => ({
  ...(parseQuantity(line.quantity) === undefined ? { quantity: 'line.quantityUnreadable' as const } : {}),
  ...(line.price.trim() !== '' && parsePrice(line.price) === undefined
    ? { price: 'line.priceUnreadable' as const }
    : {}),
});

const toPricedLine = (line: DraftLine): PricedLine | undefined => {
  const quantity = parseQuantity(line.quantity);
  const unitPriceCents = parsePrice(line.price);
  if (quantity === undefined || unitPriceCents === undefined) return undefined;
  return { quantity, unitPriceCents, vatRateBp: line.vatRateBp, recurrence: line.recurrence };
};

/** The totals of the readable lines; an unreadable line counts for nothing until it is fixed. */
export const draftTotals = (lines: readonly DraftLine[]): DocumentTotals =>
  computeTotals(lines.flatMap((line) => toPricedLine(line) ?? []));

/** What PATCH /documents/{id} takes; an unreadable value is sent as typed so the API names it. */
export const toLineInput = (line: DraftLine): LineInput => ({
  id: line.id,
  serviceId: line.serviceId,
  label: line.label,
  description: line.description.trim() || null,
  unitLabel: line.unitLabel,
  quantity: line.quantity.trim(),
  unitPriceCents: parseEuros(line.price) ?? (line.price as unknown as number),
  vatRateBp: line.vatRateBp,
  recurrence: line.recurrence,
});

export type { DocumentTotals };
