import { addMonths, type IsoDate } from '../shared/dates.ts';
import { ok, type Result, refuse } from '../shared/result.ts';

/** R-F7: the records are kept five years after the relationship ends. */
export const RETENTION_YEARS = 5;

/** R-F7: the last day the records must be kept; none while the relationship goes on. */
export const retentionEndsOn = (relationshipEndedOn: IsoDate | null): IsoDate | null =>
  relationshipEndedOn === null ? null : addMonths(relationshipEndedOn, RETENTION_YEARS * 12);

/** R-F7: listed for purge only once the five years have passed, never before. */
export const isPurgeable = (relationshipEndedOn: IsoDate | null, today: IsoDate): boolean => {
  const ends = retentionEndsOn(relationshipEndedOn);
  return ends !== null && today > ends;
};

/**
 * R-F7: an associé may purge a file only once its retention is over, and only once: a refusal
 * says why otherwise.
 */
export const checkPurge = (input: {
  relationshipEndedOn: IsoDate | null;
  purgedAt: Date | null;
  reason: string;
  today: IsoDate;
}): Result<true> => {
  if (input.purgedAt !== null) return refuse('VIGILANCE.FILE_ALREADY_PURGED');
  if (!isPurgeable(input.relationshipEndedOn, input.today)) {
    return refuse('VIGILANCE.RETENTION_NOT_OVER', {
      relationshipEndedOn: input.relationshipEndedOn,
      retentionEndsOn: retentionEndsOn(input.relationshipEndedOn),
    });
  }
  if (input.reason.trim() === '') return refuse('VIGILANCE.PURGE_REASON_REQUIRED');
  return ok(true);
};

/**
 * R-F7: a purged file written again (a former client returns: new identification, evidence or
 * assessment) is a live file again; its tombstone goes (the history keeps the purge), so that it
 * may end and be purged once more.
 */
export const writtenAgain = <
  F extends { purgedAt: Date | null; purgedBy: string | null; purgeReason: string | null },
>(
  file: F,
): F => (file.purgedAt === null ? file : { ...file, purgedAt: null, purgedBy: null, purgeReason: null });
