import {
  buildScreeningIndex,
  mergeScreeningIndexes,
  type ScreeningIndex,
} from '../../domain/vigilance/screening.ts';
import type { FirmScope } from '../ports/index.ts';
import { yieldToOthers } from '../yield-to-others.ts';

/** Register entries indexed between two turns of the event loop (some tens of milliseconds). */
const INDEX_SLICE = 250;
/**
 * A register's text never changes: its index, keyed by its SHA-256 (firms that imported the same
 * register share it), is kept for the next files screened (the last two registers).
 */
const KEPT = 2;
const indexes = new Map<string, Promise<ScreeningIndex>>();

const buildIndex = async (scope: FirmScope, registerId: string): Promise<ScreeningIndex> => {
  const entries = (await scope.vigilance.findRegisterEntries(registerId)) ?? [];
  const parts: ScreeningIndex[] = [];
  for (let from = 0; from < entries.length; from += INDEX_SLICE) {
    parts.push(buildScreeningIndex(entries.slice(from, from + INDEX_SLICE)));
    await yieldToOthers();
  }
  return mergeScreeningIndexes(parts);
};

/**
 * R-F5: the screening index of the register import named, built once per register text and
 * process, a slice at a time so that a 5 000-entry register never holds the event loop.
 */
export const screeningIndexOf = (
  scope: FirmScope,
  register: { id: string; sha256: string },
): Promise<ScreeningIndex> => {
  const key = register.sha256;
  const known = indexes.get(key);
  if (known) return known;
  const building = buildIndex(scope, register.id);
  indexes.set(key, building);
  building.catch(() => indexes.delete(key));
  for (const other of indexes.keys()) if (indexes.size > KEPT && other !== key) indexes.delete(other);
  return building;
};
