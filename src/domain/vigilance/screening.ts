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
  /** The first letters of its words. */
  readonly initials: ReadonlySet<string>;
};

/** The register ready for screening: names tokenised once, grouped by their words' first letters. */
export type ScreeningIndex = { readonly byPrefix: ReadonlyMap<string, readonly IndexedName[]> };

const prefixOf = (token: string): string => token.slice(0, 2);

/** Names are grouped by the first two letters of each of their words (Jaro-Winkler rewards them). */
export const buildScreeningIndex = (entries: readonly RegisterEntry[]): ScreeningIndex => {
  const byPrefix = new Map<string, IndexedName[]>();
  for (const entry of entries) {
    if (entry.nature === 'other') continue;
    for (const name of entry.names) {
      const tokens = nameTokens(name);
      const prefixes = new Set(tokens.map(prefixOf));
      const indexed = { entry, name, tokens, initials: new Set(tokens.map((t) => t[0] ?? '')) };
      for (const prefix of prefixes) {
        const list = byPrefix.get(prefix) ?? [];
        list.push(indexed);
        byPrefix.set(prefix, list);
      }
    }
  }
  return { byPrefix };
};

/**
 * Two names alike beyond the threshold share the beginning of one of their words and the first
 * letter of another (or have only one word): a first name and a surname both close. Only those
 * are compared; the bench checks on a synthetic portfolio that no match of the pair-by-pair loop
 * is lost.
 */
const candidatesOf = (index: ScreeningIndex, tokens: readonly string[]): IndexedName[] => {
  const prefixes = new Set(tokens.map(prefixOf));
  const initials = new Set(tokens.map((t) => t[0] ?? ''));
  const found = new Set<IndexedName>();
  for (const prefix of prefixes) {
    for (const candidate of index.byPrefix.get(prefix) ?? []) found.add(candidate);
  }
  return [...found].filter((c) => {
    const needed = Math.min(2, initials.size, c.initials.size);
    let shared = 0;
    for (const initial of initials) if (c.initials.has(initial)) shared++;
    return shared >= needed;
  });
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
  const byPrefix = new Map<string, IndexedName[]>();
  for (const part of parts) {
    for (const [prefix, names] of part.byPrefix)
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), ...names]);
  }
  return { byPrefix };
};
