/**
 * Money is an integer number of cents; coefficients and quantities are exact decimals written as
 * strings ("1.03", "7.5"). Every product is computed exactly, with BigInt or in integers small enough
 * for a double to hold exactly, and rounded half-up (away from zero) once, so no binary fraction
 * ever touches an amount (DOMAIN.md E, R-D3).
 */
export type Cents = number;

/** An exact decimal as a string: digits, an optional dot and at most 6 decimals. */
export type Decimal = string;

const DECIMAL_PATTERN = /^-?\d{1,12}(\.\d{1,6})?$/;

export const isDecimal = (value: string): boolean => DECIMAL_PATTERN.test(value);

type Scaled = {
  readonly units: bigint;
  readonly scale: bigint;
  /** The same as numbers, for products small enough to stay exact integers in a double. */
  readonly unitsNumber: number;
  readonly scaleNumber: number;
};

/**
 * The same few coefficients and quantities ("1.03", "1", "7") are parsed for every line of a
 * campaign over thousands of clients: their parsed form is kept, up to a bound.
 */
const parsed = new Map<Decimal, Scaled>();
const PARSED_LIMIT = 10_000;

const parseDecimal = (value: Decimal): Scaled => {
  const known = parsed.get(value);
  if (known) return known;
  if (!isDecimal(value)) throw new TypeError(`not an exact decimal: ${value}`);
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const sign = value.startsWith('-') ? -1n : 1n;
  const units = sign * BigInt(whole + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const scaled = { units, scale, unitsNumber: Number(units), scaleNumber: Number(scale) };
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(value, scaled);
  return scaled;
};

/** numerator / denominator rounded half away from zero. */
const divideHalfUp = (numerator: bigint, denominator: bigint): bigint => {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
};

const toSafeNumber = (value: bigint): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('amount out of range');
  }
  return Number(value);
};

/** Below this, 2 × |cents × units| + scale is an integer a double holds exactly. */
const EXACT_PRODUCT = 2 ** 50;

/**
 * cents × decimal, rounded half-up to the cent. A line's price times its quantity (every line of a
 * campaign, several times) stays in integers a double holds exactly: computed so, with the same
 * rounding, and no BigInt to allocate; larger products go through BigInt.
 */
export const multiplyCents = (amount: Cents, factor: Decimal): Cents => {
  const { units, scale, unitsNumber, scaleNumber } = parseDecimal(factor);
  const product = amount * unitsNumber;
  if (Math.abs(product) < EXACT_PRODUCT && Number.isInteger(amount)) {
    const numerator = 2 * Math.abs(product) + scaleNumber;
    const denominator = 2 * scaleNumber;
    const rounded = (numerator - (numerator % denominator)) / denominator;
    return product < 0 ? -rounded : rounded;
  }
  return toSafeNumber(divideHalfUp(BigInt(amount) * units, scale));
};

/** cents × decimal, rounded half-up to the euro (the "arrondi à l'euro" option of R-D3). */
export const multiplyCentsToEuro = (amount: Cents, factor: Decimal): Cents => {
  const { units, scale } = parseDecimal(factor);
  return toSafeNumber(divideHalfUp(BigInt(amount) * units, scale * 100n) * 100n);
};

/**
 * cents × numerator / denominator (an index formula: price × new index / reference index), in one
 * exact division rounded half-up to the cent, or to the euro with `unitCents` 100.
 */
export const scaleCents = (
  amount: Cents,
  ratio: { numerator: Decimal; denominator: Decimal },
  unitCents: 1 | 100 = 1,
): Cents => {
  const n = parseDecimal(ratio.numerator);
  const d = parseDecimal(ratio.denominator);
  const unit = BigInt(unitCents);
  return toSafeNumber(divideHalfUp(BigInt(amount) * n.units * d.scale, n.scale * d.units * unit) * unit);
};

/** Compares numerator / denominator (both > 0) with a bound, exactly: -1, 0 or 1. */
export const compareRatio = (ratio: { numerator: Decimal; denominator: Decimal }, bound: Decimal): number => {
  const n = parseDecimal(ratio.numerator);
  const d = parseDecimal(ratio.denominator);
  const b = parseDecimal(bound);
  const left = n.units * d.scale * b.scale;
  const right = b.units * d.units * n.scale;
  return left === right ? 0 : left < right ? -1 : 1;
};

/** numerator / denominator as a decimal of six places, rounded half-up (a coefficient to show). */
export const divideDecimals = (numerator: Decimal, denominator: Decimal): Decimal => {
  const n = parseDecimal(numerator);
  const d = parseDecimal(denominator);
  const millionths = divideHalfUp(n.units * d.scale * 1_000_000n, n.scale * d.units);
  const sign = millionths < 0n ? '-' : '';
  const abs = millionths < 0n ? -millionths : millionths;
  const fraction = String(abs % 1_000_000n)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${sign}${abs / 1_000_000n}${fraction ? `.${fraction}` : ''}`;
};

/** cents × rate in basis points (2000 = 20 %), rounded half-up to the cent. */
export const applyBasisPoints = (amount: Cents, basisPoints: number): Cents =>
  toSafeNumber(divideHalfUp(BigInt(amount) * BigInt(basisPoints), 10_000n));

export const compareDecimal = (a: Decimal, b: Decimal): number => {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const left = x.units * y.scale;
  const right = y.units * x.scale;
  return left === right ? 0 : left < right ? -1 : 1;
};

/** Change in percent between two amounts, with two decimals ("3.00"), or undefined from zero. */
export const percentChange = (before: Cents, after: Cents): Decimal | undefined => {
  if (before === 0) return undefined;
  const hundredths = divideHalfUp(BigInt(after - before) * 10_000n, BigInt(before));
  const sign = hundredths < 0n ? '-' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/** Amount divided into n instalments: round(amount / n) each, the last takes the remainder. */
export const splitInstalments = (amount: Cents, count: number): Cents[] => {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('instalment count must be ≥ 1');
  const each = toSafeNumber(divideHalfUp(BigInt(amount), BigInt(count)));
  const schedule: Cents[] = Array.from({ length: count - 1 }, () => each);
  schedule.push(amount - each * (count - 1));
  return schedule;
};

export const sumCents = (amounts: readonly Cents[]): Cents => amounts.reduce((total, a) => total + a, 0);
