/** Luhn checksum, as INSEE uses for SIREN and SIRET. */
const hasLuhnChecksum = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
};

/** Removes the spaces people type ("552 100 554"). */
export const normaliseRegistrationNumber = (value: string): string => value.replace(/[\s.]/g, '');

export const isValidSiren = (siren: string): boolean => /^\d{9}$/.test(siren) && hasLuhnChecksum(siren);

/**
 * A SIRET is the SIREN and a 5-digit establishment number. La Poste's establishments (SIREN
 * 356000000) do not follow Luhn: their digits sum to a multiple of 5 instead; its head office
 * (35600000000048) does follow Luhn, so either check is accepted there.
 */
export const isValidSiret = (siret: string): boolean => {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000')) {
    return hasLuhnChecksum(siret) || [...siret].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  }
  return hasLuhnChecksum(siret) && isValidSiren(siret.slice(0, 9));
};
