import { describe, expect, it } from 'vitest';
import {
  applyBasisPoints,
  compareDecimal,
  isDecimal,
  multiplyCents,
  multiplyCentsToEuro,
  percentChange,
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
