import { describe, expect, it } from 'vitest';
import {
  applyBasisPoints,
  compareDecimal,
  divideDecimals,
  isDecimal,
  multiplyCents,
  multiplyCentsToEuro,
  percentChange,
  scaleCents,
  splitInstalments,
  sumCents,
} from '../../src/domain/shared/money.ts';

describe('exact decimals', () => {
  it('E accepts decimals written with a dot and at most six decimals', () => {
    expect(isDecimal('1.03')).toBe(true);
    expect(isDecimal('7')).toBe(true);
    expect(isDecimal('-0.5')).toBe(true);
    expect(isDecimal('1,03')).toBe(false);
    expect(isDecimal('1.0000001')).toBe(false);
    expect(isDecimal('')).toBe(false);
    expect(isDecimal('1e3')).toBe(false);
  });

  it('E compares decimals exactly, whatever their number of decimals', () => {
    expect(compareDecimal('1.03', '1.030')).toBe(0);
    expect(compareDecimal('1.5', '1.25')).toBe(1);
    expect(compareDecimal('0.99', '1')).toBe(-1);
    expect(compareDecimal('-1', '0')).toBe(-1);
  });
});

describe('multiplyCents', () => {
  it('E rounds half-up to the cent', () => {
    expect(multiplyCents(1000, '1.0005')).toBe(1001);
    expect(multiplyCents(3000, '1.0005')).toBe(3002);
    expect(multiplyCents(1000, '1.0004')).toBe(1000);
  });

  it('E rounds negative amounts half away from zero', () => {
    expect(multiplyCents(-1000, '1.0005')).toBe(-1001);
    expect(multiplyCents(1000, '-1.0005')).toBe(-1001);
    expect(multiplyCents(-3, '0.5')).toBe(-2);
    expect(multiplyCents(-1000, '-1.0005')).toBe(1001);
  });

  it('E never goes through binary floating point (0,1 + 0,2 style traps)', () => {
    expect(multiplyCents(110, '1.1')).toBe(121);
    expect(multiplyCents(1, '0.3')).toBe(0);
    expect(multiplyCents(100, '0.285')).toBe(29);
  });

  it('throws on a factor that is not an exact decimal', () => {
    expect(() => multiplyCents(1000, '1,03')).toThrow(TypeError);
    expect(() => multiplyCents(1000, 'abc')).toThrow(TypeError);
    expect(() => multiplyCents(1000, '1.0000001')).toThrow(TypeError);
  });

  it('E gives the exact BigInt result whether the product is small (plain integers) or large', () => {
    const exact = (amount: number, units: bigint, scale: bigint) => {
      const n = BigInt(amount) * units;
      const abs = n < 0n ? -n : n;
      const rounded = (2n * abs + scale) / (2n * scale);
      return Number(n < 0n ? -rounded : rounded);
    };
    const factors: [string, bigint, bigint][] = [
      ['1.03', 103n, 100n],
      ['12', 12n, 1n],
      ['0.5', 5n, 10n],
      ['-2.345678', -2345678n, 1_000_000n],
    ];
    for (const [factor, units, scale] of factors)
      for (const amount of [0, 1, 5, 49, 50, 51, 12_345, -12_345, 99_999_999, -7, 2 ** 40 + 1])
        expect(multiplyCents(amount, factor)).toBe(exact(amount, units, scale));
    // 2^50 × 1 000 001 is far beyond a double's exact integers: BigInt takes it, exactly.
    expect(multiplyCents(2 ** 50, '1.000001')).toBe(exact(2 ** 50, 1_000_001n, 1_000_000n));
  });

  it('refuses an amount that is not a whole number of cents', () => {
    expect(() => multiplyCents(10.5, '2')).toThrow(RangeError);
  });

  it('throws when the result leaves the safe integer range', () => {
    expect(() => multiplyCents(Number.MAX_SAFE_INTEGER, '2')).toThrow(RangeError);
    expect(() => multiplyCents(-Number.MAX_SAFE_INTEGER, '2')).toThrow(RangeError);
  });

  it('R-D3 rounds half-up to the euro on demand', () => {
    expect(multiplyCentsToEuro(3333, '1.025')).toBe(3400);
    expect(multiplyCentsToEuro(4950, '1.01')).toBe(5000);
    expect(multiplyCentsToEuro(120000, '1.03')).toBe(123600);
    expect(multiplyCentsToEuro(-4950, '1.01')).toBe(-5000);
  });
});

describe('scaleCents', () => {
  const syntec = { numerator: '327.3', denominator: '318.4' };

  it('R-D3 cents × numerator / denominator in one exact division, half-up to the cent', () => {
    // 120 000 × 3 273 / 3 184 = 123 354,27…
    expect(scaleCents(120000, syntec)).toBe(123354);
    // 1 592 × 3 273 / 3 184 = 1 636,5 exactly: half-up
    expect(scaleCents(1592, syntec)).toBe(1637);
    expect(scaleCents(1001, { numerator: '1', denominator: '2' })).toBe(501);
    expect(scaleCents(1003, { numerator: '1', denominator: '3' })).toBe(334);
  });

  it('R-D3 reads numerator and denominator with any number of decimals', () => {
    expect(scaleCents(10000, { numerator: '1.5', denominator: '3' })).toBe(5000);
    expect(scaleCents(10000, { numerator: '103', denominator: '100.000' })).toBe(10300);
    expect(scaleCents(10000, { numerator: '0.000001', denominator: '0.000002' })).toBe(5000);
  });

  it('R-D3 rounds half-up to the euro with a unit of 100 cents', () => {
    expect(scaleCents(120000, syntec, 100)).toBe(123400);
    // 12,16 × 327,3 / 318,4 = 12,4999… → 12,00
    expect(scaleCents(1216, syntec, 100)).toBe(1200);
    expect(scaleCents(4950, { numerator: '1', denominator: '1' }, 100)).toBe(5000);
    expect(scaleCents(120000, syntec, 1)).toBe(scaleCents(120000, syntec));
  });

  it('E rounds negative results half away from zero', () => {
    expect(scaleCents(-1592, syntec)).toBe(-1637);
    expect(scaleCents(1001, { numerator: '-1', denominator: '2' })).toBe(-501);
    expect(scaleCents(1001, { numerator: '1', denominator: '-2' })).toBe(-501);
    expect(scaleCents(-4950, { numerator: '1', denominator: '1' }, 100)).toBe(-5000);
  });

  it('throws on a malformed decimal, a zero denominator, or a result out of the safe range', () => {
    expect(() => scaleCents(1000, { numerator: '327,3', denominator: '318.4' })).toThrow(TypeError);
    expect(() => scaleCents(1000, { numerator: '327.3', denominator: '' })).toThrow(TypeError);
    expect(() => scaleCents(1000, { numerator: '327.3', denominator: '0.0' })).toThrow(RangeError);
    expect(() => scaleCents(Number.MAX_SAFE_INTEGER, { numerator: '2', denominator: '1' })).toThrow(
      RangeError,
    );
  });
});

describe('divideDecimals', () => {
  it('R-D3 gives the ratio to six decimals, half-up', () => {
    // 327,3 / 318,4 = 1,02795226…
    expect(divideDecimals('327.3', '318.4')).toBe('1.027952');
    expect(divideDecimals('2', '3')).toBe('0.666667');
    expect(divideDecimals('1', '3')).toBe('0.333333');
    // 1 / 2 000 000 = 0,0000005: half-up to 0,000001
    expect(divideDecimals('1', '2000000')).toBe('0.000001');
  });

  it('R-D3 drops trailing zeros, and the dot when nothing is left after it', () => {
    expect(divideDecimals('103', '100')).toBe('1.03');
    expect(divideDecimals('1.5', '1.0')).toBe('1.5');
    expect(divideDecimals('318.4', '318.4')).toBe('1');
    expect(divideDecimals('10', '4')).toBe('2.5');
    expect(divideDecimals('1', '8')).toBe('0.125');
  });

  it('gives a negative ratio its sign, rounded half away from zero; a vanishing ratio is 0', () => {
    expect(divideDecimals('-1', '3')).toBe('-0.333333');
    expect(divideDecimals('2', '-3')).toBe('-0.666667');
    expect(divideDecimals('-10', '-4')).toBe('2.5');
    expect(divideDecimals('-1', '2000000')).toBe('-0.000001');
    expect(divideDecimals('1', '3000000')).toBe('0');
    expect(divideDecimals('-1', '3000000')).toBe('0');
  });

  it('its result is an exact decimal the rest of the module reads', () => {
    for (const [n, d] of [
      ['327.3', '318.4'],
      ['-1', '3'],
      ['1', '3000000'],
      ['123456.789', '0.5'],
    ] as const) {
      expect(isDecimal(divideDecimals(n, d))).toBe(true);
    }
  });

  it('throws on a malformed decimal or a zero denominator', () => {
    expect(() => divideDecimals('1,03', '1')).toThrow(TypeError);
    expect(() => divideDecimals('1', 'abc')).toThrow(TypeError);
    expect(() => divideDecimals('1', '0')).toThrow(RangeError);
  });
});

describe('rates, sums and percentages', () => {
  it('E applies a rate in basis points, half-up', () => {
    expect(applyBasisPoints(10300, 2000)).toBe(2060);
    expect(applyBasisPoints(2, 2500)).toBe(1);
    expect(applyBasisPoints(8000, 0)).toBe(0);
  });

  it('E sums cents, zero for nothing', () => {
    expect(sumCents([])).toBe(0);
    expect(sumCents([100, 250, -50])).toBe(300);
  });

  it('percentChange gives the change in percent with two decimals', () => {
    expect(percentChange(120000, 123600)).toBe('3.00');
    expect(percentChange(3000, 3001)).toBe('0.03');
    expect(percentChange(1000, 1000)).toBe('0.00');
  });

  it('percentChange gives a negative change with its sign, rounded half away from zero', () => {
    expect(percentChange(100000, 99500)).toBe('-0.50');
    expect(percentChange(300, 1)).toBe('-99.67');
  });

  it('percentChange has no percentage from zero', () => {
    expect(percentChange(0, 5000)).toBeUndefined();
  });
});

describe('splitInstalments', () => {
  it('E gives the whole amount in one instalment', () => {
    expect(splitInstalments(500, 1)).toEqual([500]);
  });

  it('E rounds each instalment and lets the last take the remainder', () => {
    const schedule = splitInstalments(10007, 12);
    expect(schedule.slice(0, 11)).toEqual(Array(11).fill(834));
    expect(schedule[11]).toBe(833);
    expect(sumCents(schedule)).toBe(10007);
  });

  it('throws on a count that is not a positive integer', () => {
    expect(() => splitInstalments(100000, 0)).toThrow(RangeError);
    expect(() => splitInstalments(100000, -1)).toThrow(RangeError);
    expect(() => splitInstalments(100000, 1.5)).toThrow(RangeError);
  });
});

describe('parsed decimals kept', () => {
  it('computes the same after more distinct decimals than it keeps (the store is emptied, not wrong)', () => {
    for (let n = 0; n < 10_050; n += 1)
      expect(multiplyCents(100, `1.${String(n).padStart(5, '0')}`)).toBe(100 + Math.round(n / 1000));
    expect(multiplyCents(120_000, '1.03')).toBe(123_600);
  });
});
