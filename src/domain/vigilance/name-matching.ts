/**
 * R-F5: names compared as the register writes them and as the firm typed them: accents, case,
 * hyphens, apostrophes and word order do not matter; a typo costs a little.
 */

/** "Jean-Élie d’Arc" → ["arc", "d", "elie", "jean"]: the words, sorted, without accents. */
export const nameTokens = (name: string): string[] =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '')
    .sort();

/** The Jaro similarity of two words (1 identical, 0 nothing in common); typed arrays, no garbage. */
const jaro = (a: string, b: string): number => {
  if (a === b) return 1;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const usedB = new Uint8Array(b.length);
  const matchedA = new Uint8Array(a.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const to = Math.min(b.length - 1, i + window);
    for (let j = Math.max(0, i - window); j <= to; j++) {
      if (usedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        usedB[j] = 1;
        matchedA[i] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let transposed = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (matchedA[i] === 0) continue;
    while (usedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transposed++;
    k++;
  }
  return (m / a.length + m / b.length + (m - transposed / 2) / m) / 3;
};

/** Jaro-Winkler: Jaro, raised for a common prefix of up to four letters. */
export const jaroWinkler = (a: string, b: string): number => {
  const j = jaro(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && a[prefix] === b[prefix]) prefix++;
  return j + prefix * 0.1 * (1 - j);
};

/** Each word of `from` finds its best partner in `to`; scores averaged, weighted by word length. */
const coverage = (from: readonly string[], to: readonly string[]): number => {
  let total = 0;
  let weight = 0;
  for (const word of from) {
    let best = 0;
    for (const other of to) best = Math.max(best, jaroWinkler(word, other));
    total += best * word.length;
    weight += word.length;
  }
  return total / weight;
};

/**
 * Token-set similarity, order-free: how well each name is found in the other, averaged, so that
 * « Jean Dupont » is not taken for every Jean-Something Dupont-Something while one missing middle
 * name costs little.
 */
export const tokenSimilarity = (a: readonly string[], b: readonly string[]): number => {
  if (a.length === 0 || b.length === 0) return 0;
  return (coverage(a, b) + coverage(b, a)) / 2;
};

/** Two names' similarity from their raw text. */
export const nameSimilarity = (a: string, b: string): number => tokenSimilarity(nameTokens(a), nameTokens(b));
