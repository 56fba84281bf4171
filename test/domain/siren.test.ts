import { describe, expect, it } from 'vitest';
import { isValidSiren, isValidSiret, normaliseRegistrationNumber } from '../../src/domain/shared/siren.ts';

describe('SIREN', () => {
  it('accepts nine digits with a valid Luhn key', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('552100554')).toBe(true);
  });

  it('rejects a wrong key, a wrong length and letters', () => {
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('12345678')).toBe(false);
    expect(isValidSiren('7328293200')).toBe(false);
    expect(isValidSiren('73282932A')).toBe(false);
    expect(isValidSiren('abcdefghi')).toBe(false);
  });

  it('removes the spaces and dots people type', () => {
    expect(normaliseRegistrationNumber(' 552 100 554 ')).toBe('552100554');
    expect(normaliseRegistrationNumber('732.829.320\u00a0000\u00a074')).toBe('73282932000074');
  });
});

describe('SIRET', () => {
  it('accepts fourteen digits with a valid Luhn key on a valid SIREN', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
  });

  it('rejects a wrong key, a wrong length and letters', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
  });

  it('rejects a SIRET whose own key is right but whose SIREN is not', () => {
    expect(isValidSiret('12345678900007')).toBe(false);
  });

  // Regression: La Poste's head office follows Luhn and was refused by the sum-of-digits rule.
  it('accepts La Poste head office 35600000000048 (Luhn)', () => {
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it('accepts La Poste establishments whose digits sum to a multiple of 5', () => {
    expect(isValidSiret('35600000049837')).toBe(true);
    expect(isValidSiret('35600000000010')).toBe(true);
    expect(isValidSiret('35600000000011')).toBe(false);
  });
});
