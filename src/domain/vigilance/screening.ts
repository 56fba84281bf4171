import type { IsoDate } from '../shared/dates.ts';
import type { NamedPerson } from './identification.ts';
import { nameTokens, tokenSimilarity } from './name-matching.ts';

/** A birth date as the register gives it: the year always, the month and day sometimes. */
export type PartialDate = {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
};

/** One person or entity of the asset-freeze register, with every name it is known by. */
export type RegisterEntry = {
  readonly id: string;
  readonly nature: 'person' | 'entity' | 'other';
  readonly names: readonly string[];
  readonly birthDates: readonly PartialDate[];
};

/** R-F5: from this similarity on, a name is a possible match an associé must look at. */
export const MATCH_THRESHOLD = 0.9;

export type PossibleMatch = {
  readonly personId: string;
  readonly entryId: string;
  readonly matchedName: string;
  /** Rounded to three decimals, 1 = the same words. */
  readonly score: number;
  /** True when both sides have a birth date and they agree; null when one is missing. */
  readonly birthDateAgrees: boolean | null;
};

/** R-F5: the birth date narrows: a register date that disagrees rules the entry out. */
export const birthDateAgrees = (birthDate: IsoDate | null, dates: readonly PartialDate[]): boolean | null => {
  if (birthDate === null || dates.length === 0) return null;
  const [year, month, day] = birthDate.split('-').map(Number);
  return dates.some(
    (d) => d.year === year && (d.month === null || d.month === month) && (d.day === null || d.day === day),
  );
};

type IndexedName = {
  readonly entry: RegisterEntry;
  readonly name: string;
  readonly tokens: string[];
  /** How many keys its words give (nameKeys). */
  readonly keyCount: number;
};

/**
 * The register ready for screening: names tokenised once, and for each key of a word (below) the
 * positions in `names` of the names that have it.
 */
export type ScreeningIndex = {
  readonly names: readonly IndexedName[];
  readonly byKey: ReadonlyMap<string, readonly number[]>;
};

/**
 * The keys of a name: each word's first two and first three letters, its last two and last three.
 * A word misspelt in its middle keeps all four; a first letter dropped or changed (« Fika » for
 * « Gifika ») keeps its ending; an ending changed keeps its beginning.
 */
export const nameKeys = (tokens: readonly string[]): string[] => {
  const keys = new Set<string>();
  for (const word of tokens) {
    keys.add(`<${word.slice(0, 2)}`);
    keys.add(`<${word.slice(0, 3)}`);
    keys.add(`${word.slice(-2)}>`);
    keys.add(`${word.slice(-3)}>`);
  }
  return [...keys];
};

/**
 * How many keys a register name must share with the screened one to be compared: three (all of a
 * one-word name's when it has fewer). A name alike beyond the threshold shares them unless every
 * word is misspelt at both ends; the bench checks on a synthetic portfolio that at least 99 % of
 * the matches of the pair-by-pair loop are found.
 */
const SHARED_KEYS = 3;

export const buildScreeningIndex = (entries: readonly RegisterEntry[]): ScreeningIndex => {
  const names: IndexedName[] = [];
  const byKey = new Map<string, number[]>();
  for (const entry of entries) {
    if (entry.nature === 'other') continue;
    for (const name of entry.names) {
      const tokens = nameTokens(name);
      if (tokens.length === 0) continue;
      const keys = nameKeys(tokens);
      const at = names.push({ entry, name, tokens, keyCount: keys.length }) - 1;
      for (const key of keys) {
        const list = byKey.get(key);
        if (list) list.push(at);
        else byKey.set(key, [at]);
      }
    }
  }
  return { names, byKey };
};

/** The register names sharing enough keys with these words to be worth comparing. */
const candidatesOf = (index: ScreeningIndex, tokens: readonly string[]): IndexedName[] => {
  const keys = nameKeys(tokens);
  const needed = Math.min(SHARED_KEYS, keys.length);
  const shared = new Map<number, number>();
  for (const key of keys) {
    for (const at of index.byKey.get(key) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
  }
  const found: IndexedName[] = [];
  for (const [at, count] of shared) {
    const candidate = index.names[at];
    if (candidate && count >= Math.min(needed, candidate.keyCount)) found.push(candidate);
  }
  return found;
};

/**
 * R-F5: the register entries a named person may be: names alike beyond the threshold, birth dates
 * not contradicting; one match per entry (its closest name), best first.
 */
export const screenPerson = (person: NamedPerson, index: ScreeningIndex): PossibleMatch[] => {
  const tokens = nameTokens(`${person.firstNames} ${person.lastName}`);
  const best = new Map<string, PossibleMatch>();
  for (const candidate of candidatesOf(index, tokens)) {
    const similarity = tokenSimilarity(tokens, candidate.tokens);
    if (similarity < MATCH_THRESHOLD) continue;
    const score = Math.round(similarity * 1000) / 1000;
    const agrees = birthDateAgrees(person.birthDate, candidate.entry.birthDates);
    if (agrees === false) continue;
    const previous = best.get(candidate.entry.id);
    if (previous && previous.score >= score) continue;
    best.set(candidate.entry.id, {
      personId: person.id,
      entryId: candidate.entry.id,
      matchedName: candidate.name,
      score,
      birthDateAgrees: agrees,
    });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
};

/**
 * Indexes built over slices of the register, put together: the same index as built at once (a
 * large register is indexed a slice at a time, the event loop free between two).
 */
export const mergeScreeningIndexes = (parts: readonly ScreeningIndex[]): ScreeningIndex => {
  const names: IndexedName[] = [];
  const byKey = new Map<string, number[]>();
  for (const part of parts) {
    const offset = names.length;
    names.push(...part.names);
    for (const [key, positions] of part.byKey) {
      const list = byKey.get(key) ?? [];
      for (const at of positions) list.push(at + offset);
      byKey.set(key, list);
    }
  }
  return { names, byKey };
};
