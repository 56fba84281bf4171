/**
 * Issue 16 (R-F5): screening a portfolio's named persons against the asset-freeze register.
 *
 *   npx tsx bench/vigilance-screening.ts            # 10 000 clients × 5 000 register entries
 *   npx tsx bench/vigilance-screening.ts --quick    # 1 000 × 500, for CI
 *
 * Both sides are synthetic names drawn from syllables (seeded, the same every run), 2 % of the
 * clients being register entries written differently (accents dropped, words reversed, hyphens
 * as spaces). Measured in the same run:
 * - **screening**: `buildScreeningIndex` then `screenPerson` for every client, as Lettrine does;
 * - **bare loop**: the same names compared pair by pair with the same similarity, no index.
 * The index compares only names sharing three of their words’ beginnings and endings (nameKeys):
 * it must find at least 99 % of the bare loop's matches (a name whose every word is misspelt at
 * both ends is the price), be at least 10 times faster, and take under 2 s for the portfolio (each
 * timed once, after a warm-up of both on a hundred clients).
 */
import { parseArgs } from 'node:util';
import type { NamedPerson } from '../src/domain/vigilance/identification.ts';
import { nameTokens, tokenSimilarity } from '../src/domain/vigilance/name-matching.ts';
import {
  buildScreeningIndex,
  MATCH_THRESHOLD,
  type RegisterEntry,
  screenPerson,
} from '../src/domain/vigilance/screening.ts';
import { printVerdicts, VERDICT_OPTIONS, verdict } from './verdicts.ts';

const { values } = parseArgs({ options: VERDICT_OPTIONS });
const CLIENTS = values.quick ? 1_000 : 10_000;
const ENTRIES = values.quick ? 500 : 5_000;

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const SYLLABLES = [
  'ba',
  'bé',
  'bo',
  'ché',
  'cha',
  'da',
  'dou',
  'fa',
  'fi',
  'ga',
  'gi',
  'gu',
  'ha',
  'ja',
  'jo',
  'ka',
  'ki',
  'la',
  'lé',
  'lu',
  'ma',
  'mé',
  'mou',
  'na',
  'no',
  'ou',
  'pa',
  'pi',
  'qui',
  'ra',
  'ro',
  'rin',
  'sa',
  'si',
  'ta',
  'tè',
  'to',
  'va',
  'vu',
  'wa',
  'ya',
  'za',
  'zé',
  'an',
  'el',
  'is',
  'or',
  'ul',
  'dad',
  'ber',
];
const word = (syllables: number) => {
  const text = Array.from({ length: syllables }, () => pick(SYLLABLES)).join('');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
const surname = () => (random() < 0.15 ? `${word(2)}-${word(3)}` : word(3));

const entries: RegisterEntry[] = Array.from({ length: ENTRIES }, (_, i) => ({
  id: `E${i}`,
  nature: 'person',
  names: [`${word(2 + Math.floor(random() * 2))} ${surname().toUpperCase()}`],
  birthDates: random() < 0.7 ? [{ year: 1940 + Math.floor(random() * 60), month: null, day: null }] : [],
}));
/** A register name as a firm might type it: no accents, words reversed, hyphens as spaces. */
const retyped = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/-/g, ' ')
    .split(' ')
    .reverse()
    .join(' ');
const clients: NamedPerson[] = Array.from({ length: CLIENTS }, (_, i) => {
  const planted = i % 50 === 0 ? pick(entries) : undefined;
  const [firstNames = '', ...rest] = planted
    ? retyped(planted.names[0] ?? '').split(' ')
    : [word(2 + Math.floor(random() * 2)), surname()];
  return {
    id: `C${i}`,
    firstNames,
    lastName: rest.join(' '),
    birthDate: null,
    birthPlace: null,
    nationality: null,
  };
});

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
};

const screenAll = (people: readonly NamedPerson[]) => {
  const index = buildScreeningIndex(entries);
  return people.flatMap((client) => screenPerson(client, index).map((m) => `${client.id}:${m.entryId}`));
};
const bareLoop = (people: readonly NamedPerson[]) => {
  const registerTokens = entries.map((entry) => nameTokens(entry.names[0] ?? ''));
  const found: string[] = [];
  for (const client of people) {
    const tokens = nameTokens(`${client.firstNames} ${client.lastName}`);
    registerTokens.forEach((other, i) => {
      if (tokenSimilarity(tokens, other) >= MATCH_THRESHOLD) found.push(`${client.id}:${entries[i]?.id}`);
    });
  }
  return found;
};
// Warm-up on a hundred clients: the JIT compiles both sides before either is timed.
screenAll(clients.slice(0, 100));
bareLoop(clients.slice(0, 100));

const [indexed, screeningMs] = time(() => screenAll(clients));
const [naive, bareMs] = time(() => bareLoop(clients));

const lost = naive.filter((pair) => !indexed.includes(pair));
const planted = Math.ceil(CLIENTS / 50);
for (const pair of lost.slice(0, 5)) {
  const [clientId, entryId] = pair.split(':');
  const client = clients.find((c) => c.id === clientId);
  const entry = entries.find((e) => e.id === entryId);
  console.log(`  perdue : « ${client?.firstNames} ${client?.lastName} » / « ${entry?.names[0]} »`);
}
console.log(
  `Filtrage de ${CLIENTS} clients contre ${ENTRIES} entrées du registre (${planted} clients inscrits, réécrits)`,
);
console.log(`  filtrage indexé : ${screeningMs.toFixed(0)} ms, ${indexed.length} correspondances`);
console.log(`  boucle nue      : ${bareMs.toFixed(0)} ms, ${naive.length} correspondances`);
printVerdicts(
  'filtrage des gels d’avoirs (R-F5)',
  [
    verdict(
      'correspondances de la boucle nue retrouvées',
      `${(100 - (100 * lost.length) / Math.max(1, naive.length)).toFixed(1)} %`,
      '≥ 99 %',
      lost.length <= naive.length / 100,
    ),
    verdict(
      'clients inscrits retrouvés',
      `${indexed.filter((p) => Number(p.slice(1).split(':')[0]) % 50 === 0).length}`,
      `≥ ${planted}`,
      indexed.filter((p) => Number(p.slice(1).split(':')[0]) % 50 === 0).length >= planted,
    ),
    verdict(
      'accélération sur la boucle nue',
      `× ${(bareMs / screeningMs).toFixed(1)}`,
      '≥ × 10',
      bareMs / screeningMs >= 10,
    ),
    verdict(
      'durée du filtrage du portefeuille',
      `${screeningMs.toFixed(0)} ms`,
      values.quick ? '< 500 ms' : '< 2 000 ms',
      screeningMs < (values.quick ? 500 : 2_000),
    ),
  ],
  values,
);
