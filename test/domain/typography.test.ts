import { describe, expect, it } from 'vitest';
import {
  frenchTypography,
  groupSiren,
  groupSirensIn,
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

describe('ordinals and SIREN (issue 14, item 13)', () => {
  it.each([
    ['le 3e mois', 'le 3ᵉ mois'],
    ['la 12ème mensualité', 'la 12ᵉ mensualité'],
    ['Paris 2e.', 'Paris 2ᵉ.'],
    ['la 1ère échéance', 'la 1re échéance'],
    ['le 1er janvier', 'le 1er janvier'],
    ['empreinte 0123456789abc3e 42', 'empreinte 0123456789abc3e 42'],
    ['v1.2e ', 'v1.2e '],
  ])('writes ordinals with a superscript e: %s', (text, expected) => {
    expect(frenchTypography(text)).toBe(expected);
  });

  it('groups a SIREN by three and a SIRET by three then five, leaving anything else as typed', () => {
    expect(groupSiren('732829320')).toBe(`732${NNBSP}829${NNBSP}320`);
    expect(groupSiren('732 829 320')).toBe(`732${NNBSP}829${NNBSP}320`);
    expect(groupSiren('73282932000074')).toBe(`732${NNBSP}829${NNBSP}320${NNBSP}00074`);
    expect(groupSiren('B 732 829')).toBe('B 732 829');
    expect(groupSirensIn('RCS Lyon 812345676, tél. 0478421730')).toBe(
      `RCS Lyon 812${NNBSP}345${NNBSP}676, tél. 0478421730`,
    );
  });
});
