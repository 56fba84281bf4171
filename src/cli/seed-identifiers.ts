/**
 * Registration numbers for demo and synthetic data: the last digit of a SIREN (and of a SIRET) is a
 * Luhn check digit, so made-up numbers must compute it to pass COMPANY.INVALID_SIREN.
 */

/** The digit that makes `digits + check` pass the Luhn checksum. */
export const luhnCheckDigit = (digits: string): number => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Counted from the right of the completed number, the check digit is position 0 (not doubled),
    // so the last given digit is position 1: doubled.
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
};

/** A valid SIREN from its first eight digits. */
export const sirenFrom = (firstEight: string | number): string => {
  const digits = String(firstEight).padStart(8, '0');
  if (!/^\d{8}$/.test(digits)) throw new Error(`eight digits expected, got ${firstEight}`);
  return `${digits}${luhnCheckDigit(digits)}`;
};

/** A valid SIRET: the SIREN, a four-digit establishment number and the Luhn digit of all fourteen. */
export const siretFrom = (siren: string, establishment = 1): string => {
  const digits = `${siren}${String(establishment).padStart(4, '0')}`;
  return `${digits}${luhnCheckDigit(digits)}`;
};

/** The French intra-community VAT number: FR, a two-digit key (12 + 3 × (SIREN mod 97)) mod 97, the SIREN. */
export const vatNumberFrom = (siren: string): string =>
  `FR${String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')}${siren}`;

/** "123 456 789": how a SIREN is printed. */
export const spacedSiren = (siren: string): string => siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
