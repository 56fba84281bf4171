import { addMonths, type IsoDate } from '../shared/dates.ts';

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
