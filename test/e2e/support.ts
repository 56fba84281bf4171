import { expect, type Page } from '@playwright/test';

export const DEMO = {
  associe: { email: 'claire.dupre@cabinet-dupre.fr', password: 'demo-associe' },
  collaborateur: { email: 'hugo.martin@cabinet-dupre.fr', password: 'demo-collaborateur' },
  lecture: { email: 'lea.bernard@cabinet-dupre.fr', password: 'demo-lecture' },
} as const;

export const logIn = async (page: Page, who: keyof typeof DEMO) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Adresse e-mail').fill(DEMO[who].email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(DEMO[who].password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeVisible();
};

/** A screenshot kept with the test's artifacts (test-results/e2e/…). */
export const snapshot = async (
  page: Page,
  name: string,
  testInfo: { outputPath: (name: string) => string },
) => {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
};

/** "2026-11-29" in Paris, for the date inputs (typed as JJ/MM/AAAA). */
export const parisToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
export const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/** A SIREN that passes the Luhn key, different on every run. */
export const aSiren = () => {
  const digits = String(Date.now() % 100_000_000)
    .padStart(8, '0')
    .split('')
    .map(Number);
  const sum = digits.reduce((total, digit, index) => {
    const value = index % 2 === 1 ? digit * 2 : digit;
    return total + (value > 9 ? value - 9 : value);
  }, 0);
  // The ninth digit sits at an even position from the right's point of view: it is not doubled.
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
};

export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The last amount of a text, in cents: "… au 29/11/2026 : 4 320,00 €" → 432000. */
export const cents = (text: string) => {
  const amounts = text.match(/\d[\d\s\u202f\u00a0]*,\d{2}/g) ?? [];
  return Number((amounts.at(-1) ?? '0,00').replace(/[^\d]/g, ''));
};

/** 450000 → the French money text as a pattern that accepts any kind of space. */
export const euros = (amount: number) =>
  new RegExp(
    new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
      .format(amount / 100)
      .replace(/[\s\u202f\u00a0]/g, '\\s'),
  );
