import { documentLines } from './schema/index.ts';

/** The columns of a document line the scope in force needs (renewal and billing read them in bulk). */
export const LINE_COLUMNS = {
  documentId: documentLines.documentId,
  id: documentLines.id,
  operation: documentLines.operation,
  targetLineId: documentLines.targetLineId,
  changedFields: documentLines.changedFields,
  serviceId: documentLines.serviceId,
  label: documentLines.label,
  unitLabel: documentLines.unitLabel,
  quantity: documentLines.quantity,
  unitPriceCents: documentLines.unitPriceCents,
  vatRateBp: documentLines.vatRateBp,
  recurrence: documentLines.recurrence,
};
