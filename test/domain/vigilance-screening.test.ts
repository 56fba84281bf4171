import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFreezeRegister } from '../../src/domain/vigilance/freeze-register.ts';
import { jaroWinkler, nameSimilarity, nameTokens } from '../../src/domain/vigilance/name-matching.ts';
import {
  birthDateAgrees,
  buildScreeningIndex,
  mergeScreeningIndexes,
  type RegisterEntry,
  screenPerson,
} from '../../src/domain/vigilance/screening.ts';
import { aPerson } from '../builders/vigilance.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/gels-avoirs-extrait.json', import.meta.url), 'utf8'),
);
const register = (() => {
  const parsed = parseFreezeRegister(fixture);
  if (!parsed.ok) throw new Error('fixture');
  return parsed.value;
})();
const index = buildScreeningIndex(register.entries);
const screen = (firstNames: string, lastName: string, birthDate: string | null = null) =>
  screenPerson(aPerson({ firstNames, lastName, birthDate }), index);

describe('R-F5 the Treasury register file', () => {
  it('R-F5 reads people and companies with names, aliases and birth dates; skips nameless rows', () => {
    expect(register.publishedAt).toBe('2026-11-27T08:00:00');
    expect(register.entries).toHaveLength(6);
    expect(register.entries[0]).toEqual({
      id: '4101',
      nature: 'person',
      names: ['Mohammed Ali EL-HADDAD', 'Mohamed Elhaddad', 'Abou Ali'],
      birthDates: [{ year: 1970, month: 3, day: 12 }],
    });
    expect(register.entries[1]?.birthDates).toEqual([{ year: 1965, month: null, day: null }]);
    expect(register.entries.map((e) => e.nature)).toEqual([
      'person',
      'person',
      'person',
      'person',
      'entity',
      'other',
    ]);
  });

  it('R-F5 refuses a file that is not the register; tolerates odd rows', () => {
    expect(parseFreezeRegister({ foo: 1 })).toEqual({
      ok: false,
      error: { code: 'VIGILANCE.REGISTER_INVALID' },
    });
    expect(parseFreezeRegister(null).ok).toBe(false);
    const odd = parseFreezeRegister({
      Publications: {
        PublicationDetail: [
          'not an object',
          {
            Nom: 'X',
            Nature: 3,
            RegistreDetail: { TypeChamp: 'DATE_DE_NAISSANCE', Valeur: { Annee: 'n/a' } },
          },
          { IdRegistre: 9, Nom: 'Y', RegistreDetail: [{ TypeChamp: 'PRENOM', Valeur: null }] },
        ],
      },
    });
    expect(odd).toEqual({
      ok: true,
      value: {
        publishedAt: null,
        entries: [
          { id: 'position-1', nature: 'other', names: ['X'], birthDates: [] },
          { id: '9', nature: 'other', names: ['Y'], birthDates: [] },
        ],
      },
    });
  });
});

describe('R-F5 name matching', () => {
  it('R-F5 normalises accents, case, hyphens, apostrophes and word order', () => {
    expect(nameTokens('Jean-Étienne  d’ARC')).toEqual(['arc', 'd', 'etienne', 'jean']);
    expect(nameSimilarity('DUPONT-MOREAU Jean-Étienne', 'jean etienne dupont moreau')).toBe(1);
    expect(nameSimilarity('', 'x')).toBe(0);
  });

  it('R-F5 Jaro-Winkler forgives a typo, not a different name', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(nameSimilarity('Mohamed El Hadad', 'Mohammed EL-HADDAD')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Jean Durand', 'Jean-Étienne Dupont-Moreau')).toBeLessThan(0.9);
  });
});

describe('R-F5 screening against the fixture', () => {
  it('R-F5 finds a reversed, accent-less name', () => {
    const [match] = screen('Dupont Moreau', 'Jean Etienne', '1965-05-05');
    expect(match).toMatchObject({ entryId: '4102', score: 1, birthDateAgrees: true });
  });

  it('R-F5 finds an apostrophe written as a space and an accent left out', () => {
    expect(screen('Seamus', 'O Brien').map((m) => m.entryId)).toEqual(['4103']);
  });

  it('R-F5 finds a person under an alias, the birth date agreeing', () => {
    const [match] = screen('Mohamed', 'Elhaddad', '1970-03-12');
    expect(match).toMatchObject({ entryId: '4101', matchedName: 'Mohamed Elhaddad', birthDateAgrees: true });
  });

  it('R-F5 a namesake born another day is ruled out by the birth date (no false positive)', () => {
    expect(screen('Paul', 'Martin', '1975-04-12')).toEqual([]);
    // Without a birth date the namesake stays a possible match, for an associé to clear.
    expect(screen('Paul', 'Martin')).toMatchObject([{ entryId: '4104', birthDateAgrees: null }]);
  });

  it('R-F5 a shared first name or surname alone is no match', () => {
    expect(screen('Jean', 'Dupont')).toEqual([]);
    expect(screen('Ali', 'Benali')).toEqual([]);
    expect(screen('Marie', 'Martinez', '1950-07-07')).toEqual([]);
  });

  it('R-F5 screens companies too, never ships', () => {
    expect(
      screenPerson(aPerson({ firstNames: '', lastName: "Societe d'import export du Levant" }), index),
    ).toMatchObject([{ entryId: '4105' }]);
    expect(screen('', 'Ocean Star')).toEqual([]);
  });

  it('R-F5 birth dates compare on what the register gives', () => {
    expect(birthDateAgrees(null, [{ year: 1970, month: null, day: null }])).toBeNull();
    expect(birthDateAgrees('1970-01-01', [])).toBeNull();
    expect(birthDateAgrees('1970-03-12', [{ year: 1970, month: 3, day: null }])).toBe(true);
    expect(birthDateAgrees('1970-03-12', [{ year: 1970, month: 4, day: 12 }])).toBe(false);
  });
});

describe('R-F5 the index compares every name the similarity would match', () => {
  const entry = (id: string, name: string): RegisterEntry => ({
    id,
    nature: 'person',
    names: [name],
    birthDates: [],
  });
  const small = buildScreeningIndex([
    entry('1', 'Gifika CHÉKACHÉ'),
    entry('2', 'Jean-Baptiste DUPONTEL'),
    entry('3', 'Marcel DURAND'),
  ]);
  const found = (firstNames: string, lastName: string) =>
    screenPerson(aPerson({ firstNames, lastName }), small).map((m) => m.entryId);

  it('R-F5 a first word written without its first syllable, a surname misspelt in its middle', () => {
    expect(nameSimilarity('Fika Chékaché', 'Gifika CHÉKACHÉ')).toBeGreaterThanOrEqual(0.9);
    expect(found('Fika', 'Chekache')).toEqual(['1']);
    expect(found('Jean Baptiste', 'Dupontal')).toEqual(['2']);
  });

  it('R-F5 both words misspelt once, one at its end', () => {
    expect(nameSimilarity('Marcelle Durant', 'Marcel DURAND')).toBeGreaterThanOrEqual(0.9);
    expect(found('Marcelle', 'Durant')).toEqual(['3']);
  });

  it('R-F5 a name sharing only a word’s beginning is not compared nor matched', () => {
    expect(found('Jeanne', 'Martin')).toEqual([]);
  });
});

describe('R-F5 a large register indexed a slice at a time', () => {
  it('R-F5 the slices put together screen as the whole register does', () => {
    const parts = [0, 2, 4].map((from) => buildScreeningIndex(register.entries.slice(from, from + 2)));
    const merged = mergeScreeningIndexes(parts);
    for (const [first, last, born] of [
      ['Dupont Moreau', 'Jean Etienne', '1965-05-05'],
      ['Mohamed', 'Elhaddad', '1970-03-12'],
      ['Paul', 'Martin', null],
    ] as const) {
      const person = aPerson({ firstNames: first, lastName: last, birthDate: born });
      expect(screenPerson(person, merged)).toEqual(screenPerson(person, index));
    }
    expect(mergeScreeningIndexes([])).toEqual({ names: [], byKey: new Map() });
  });
});
