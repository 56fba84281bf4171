import { expect, test } from '@playwright/test';
import { logIn, snapshot } from './support.ts';

/**
 * R-D2, R-D3: a replacement letter is prefilled with the scope in force and the prices revalued by
 * the coefficient, half-up per line; the client's contacts are completed on the way.
 */
test('a replacement letter takes over the scope in force, revalued by 1,03', async ({ page }, testInfo) => {
  await logIn(page, 'collaborateur');
  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page.getByLabel('Rechercher').fill('Camille Roux');
  await page.getByRole('link', { name: 'Camille Roux' }).click();
  await expect(page.getByTestId('scope-annual')).toContainText(/650,00\s€/);

  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  const contact = page.getByRole('dialog');
  await contact.getByRole('textbox', { name: /^Prénom/ }).fill('Paul');
  await contact.getByRole('textbox', { name: /^Nom/ }).fill('Roux');
  await contact.getByLabel('E-mail').fill('paul.roux@example.fr');
  await contact.getByRole('button', { name: 'Ajouter un contact' }).click();
  await expect(page.getByText('Paul Roux')).toBeVisible();

  await page.getByRole('button', { name: 'Nouveau document' }).click();
  await page.getByRole('menuitem', { name: 'Lettre de mission substitutive' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Coefficient' }).fill('1,03');
  await snapshot(page, '01-replacement-form', testInfo);
  await dialog.getByRole('button', { name: 'Préparer la lettre substitutive' }).click();

  await expect(page.getByRole('heading', { name: 'Lettre de mission substitutive', level: 2 })).toBeVisible();
  // 650,00 € × 1,03 = 669,50 €, computed by the server and shown by the editor's own totals.
  await expect(page.getByTestId('annual-recurring')).toHaveText(/669,50\s€/);
  await expect(page.getByText('Remplace')).toHaveCount(0);
  await snapshot(page, '02-replacement-draft', testInfo);
  await page.getByRole('link', { name: 'Camille Roux' }).click();
  await expect(page.getByText(/^Remplace Lettre de mission LM-/)).toBeVisible();
});
