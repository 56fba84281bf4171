import { describe, expect, it } from 'vitest';
import {
  frenchTypography,
  NO_BREAK_SPACE as NBSP,
  NARROW_NO_BREAK_SPACE as NNBSP,
} from '../../src/domain/shared/typography.ts';

describe('frenchTypography', () => {
  it('puts a no-break space before a colon', () => {
    expect(frenchTypography('Mot de passe trop court : 10 caractères au moins.')).toBe(
      `Mot de passe trop court${NBSP}: 10 caractères au moins.`,
    );
  });

  it.each([
    ['Réessayez ; contactez le support', `Réessayez${NNBSP}; contactez le support`],
    ['Attention !', `Attention${NNBSP}!`],
    ['Vraiment ?', `Vraiment${NNBSP}?`],
    ['une hausse de 50 %', `une hausse de 50${NNBSP}%`],
    ['1 500 €', `1${NNBSP}500${NNBSP}€`],
    ['3 000 000 € par an', `3${NNBSP}000${NNBSP}000${NNBSP}€ par an`],
    ['la mission « Paie »', `la mission «${NNBSP}Paie${NNBSP}»`],
  ])('puts a narrow no-break space where French wants one: %s', (text, expected) => {
    expect(frenchTypography(text)).toBe(expected);
  });

  it('keeps a reference to a text of law with its number: n° 45-2138, L. 441-10, art. 21', () => {
    expect(frenchTypography('ordonnance n° 45-2138, article L. 441-10, D. 441-5 et art. 21')).toBe(
      `ordonnance n°${NBSP}45-2138, article L.${NBSP}441-10, D.${NBSP}441-5 et art.${NBSP}21`,
    );
    // Not a thousands group: a phone number, a postal code after a street number, a year.
    expect(frenchTypography('Tél. 04 78 42 17 30, 12 rue Paul Bert 69003 Lyon, le 5 juin 2026')).toBe(
      'Tél. 04 78 42 17 30, 12 rue Paul Bert 69003 Lyon, le 5 juin 2026',
    );
  });

  it('replaces every plain space concerned, and no other', () => {
    const text = 'Champ inconnu : slug ; corrigez : puis réessayez !';
    const result = frenchTypography(text);
    expect(result).toBe(`Champ inconnu${NBSP}: slug${NNBSP}; corrigez${NBSP}: puis réessayez${NNBSP}!`);
    expect(result).not.toMatch(/ [:;!?»%€]|« /);
    expect(result.replaceAll(NBSP, ' ').replaceAll(NNBSP, ' ')).toBe(text);
  });

  it('leaves signs without a space before them, and a text already set, unchanged', () => {
    for (const text of ['https://lettrine.fr', '10:30', 'Rien à signaler.', '', `Déjà${NBSP}: bon`])
      expect(frenchTypography(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = frenchTypography('Taux : 20 % ; « total » 12 € ?');
    expect(frenchTypography(once)).toBe(once);
  });
});
