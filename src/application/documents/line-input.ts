import { computeTotals, DEFAULT_VAT_RATE_BP, type DocumentTotals } from '../../domain/documents/fees.ts';
import type { Recurrence } from '../../domain/documents/kinds.ts';
import { AppError } from '../app-error.ts';
import type { FirmScope, IdGenerator } from '../ports/index.ts';
import type { DocumentLine, Service } from '../records.ts';

/** A line as a user writes it: a catalogue service with overrides, or a free line. */
export type LineInput = {
  /** On an edit, the id of the draft's line this one stands for. */
  id?: string | null;
  serviceId?: string | null;
  label?: string | null;
  description?: string | null;
  unitLabel?: string | null;
  quantity: string;
  unitPriceCents?: number | null;
  vatRateBp?: number | null;
  recurrence?: Recurrence | null;
};

const loadServices = async (scope: FirmScope, lines: readonly { serviceId?: string | null }[]) => {
  const ids = [...new Set(lines.flatMap((line) => (line.serviceId ? [line.serviceId] : [])))];
  const services = new Map<string, Service>();
  for (const id of ids) {
    const service = await scope.services.find(id);
    if (!service) throw new AppError('SERVICE.NOT_FOUND', { serviceId: id });
    if (service.archivedAt) throw new AppError('SERVICE.ARCHIVED', { serviceId: id, code: service.code });
    services.set(id, service);
  }
  return services;
};

/** Fills each line from its catalogue service; a free line must give its label and price. */
export const buildLines = async (
  scope: FirmScope,
  ids: IdGenerator,
  inputs: readonly LineInput[],
): Promise<DocumentLine[]> => {
  const services = await loadServices(scope, inputs);
  const incomplete: number[] = [];
  const lines = inputs.map((input, position): DocumentLine => {
    const service = input.serviceId ? services.get(input.serviceId) : undefined;
    const label = input.label ?? service?.label;
    const unitPriceCents = input.unitPriceCents ?? service?.priceCents;
    if (!label || unitPriceCents === undefined || unitPriceCents === null) incomplete.push(position);
    return {
      id: ids.uuid(),
      position,
      operation: 'line',
      targetLineId: null,
      changedFields: null,
      originLineId: null,
      serviceId: service?.id ?? null,
      label: label ?? '',
      description: input.description ?? service?.description ?? null,
      unitLabel: input.unitLabel ?? service?.unitLabel ?? null,
      quantity: input.quantity,
      unitPriceCents: unitPriceCents ?? 0,
      vatRateBp: input.vatRateBp ?? service?.vatRateBp ?? DEFAULT_VAT_RATE_BP,
      recurrence: input.recurrence ?? service?.recurrence ?? 'one_off',
    };
  });
  if (incomplete.length > 0) {
    throw new AppError('DOCUMENT.LINE_NOT_ALLOWED', {
      reason: 'Une ligne libre doit avoir un libellé et un prix unitaire.',
      lineIndexes: incomplete,
    });
  }
  return lines;
};

/** Totals of a document: amendment lines count with their new values; removed lines do not count. */
export const totalsOf = (lines: readonly DocumentLine[]): DocumentTotals =>
  computeTotals(lines.filter((line) => line.operation !== 'remove'));
