import {
  buildScreeningIndex,
  mergeScreeningIndexes,
  type ScreeningIndex,
} from '../../domain/vigilance/screening.ts';
import type { FirmScope } from '../ports/index.ts';
import { yieldToOthers } from '../yield-to-others.ts';

/** Register entries indexed between two turns of the event loop (some tens of milliseconds). */
const INDEX_SLICE = 250;
/** An import never changes: its index is kept for the next files screened (the last two imports). */
const KEPT = 2;
const indexes = new Map<string, Promise<ScreeningIndex>>();

const buildIndex = async (scope: FirmScope, registerId: string): Promise<ScreeningIndex> => {
  const register = await scope.vigilance.latestRegister(registerId);
  if (!register) return buildScreeningIndex([]);
  const parts: ScreeningIndex[] = [];
  for (let from = 0; from < register.entries.length; from += INDEX_SLICE) {
    parts.push(buildScreeningIndex(register.entries.slice(from, from + INDEX_SLICE)));
    await yieldToOthers();
  }
  return mergeScreeningIndexes(parts);
};

/**
 * R-F5: the screening index of the register import named, built once per import
 * and process, a slice at a time so that a 5 000-entry register never holds the event loop.
 */
export const screeningIndexOf = (scope: FirmScope, registerId: string): Promise<ScreeningIndex> => {
  const known = indexes.get(registerId);
  if (known) return known;
  const building = buildIndex(scope, registerId);
  indexes.set(registerId, building);
  building.catch(() => indexes.delete(registerId));
  for (const key of indexes.keys()) if (indexes.size > KEPT && key !== registerId) indexes.delete(key);
  return building;
};
