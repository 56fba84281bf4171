import { hasEffect } from '../../domain/documents/lifecycle.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { BillingDeps } from './terminate-letter.ts';

/**
 * R-G2: the firm marks a one-off line of a signed document done; it is billed in the month of that
 * day, once (marking it again changes nothing: the first day stays).
 */
export const markLineDone = async (
  deps: BillingDeps,
  actor: Actor,
  input: { documentId: string; lineId: string; doneOn?: IsoDate },
): Promise<{ lineId: string; doneOn: IsoDate; alreadyDone: boolean }> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const doc = found(await scope.documents.find(input.documentId, { forUpdate: true }), 'document');
    const line = found(
      doc.lines.find((l) => l.id === input.lineId),
      'line',
    );
    if (line.recurrence !== 'one_off' || !hasEffect(doc.status) || doc.kind === 'proposal')
      throw new AppError('BILLING.LINE_NOT_ONE_OFF', { lineId: input.lineId });
    const doneOn = input.doneOn ?? parisDate(at);
    const inserted = await scope.billing.insertCompletion({
      lineId: input.lineId,
      documentId: doc.id,
      doneOn,
      recordedBy: actor.userId,
      at,
    });
    if (!inserted) {
      const record = (await scope.billing.listRecords({ engagementIds: [doc.engagementId] }))[0];
      return { lineId: line.id, doneOn: record?.completions.get(line.id) ?? doneOn, alreadyDone: true };
    }
    await recordEvent(scope, {
      type: 'document.line_done',
      actor,
      at,
      engagementId: doc.engagementId,
      documentId: doc.id,
      data: { lineId: line.id, label: line.label, doneOn },
    });
    return { lineId: line.id, doneOn, alreadyDone: false };
  });
};
