import { expect, test } from '@playwright/test';
import { logIn, snapshot } from './support.ts';

/** The catalogue by keyboard and mouse: a new mission, its price changed, a revaluation previewed. */
test('an associé adds a mission, changes its price and previews a revaluation', async ({
  page,
}, testInfo) => {
  const code = `CONSEIL-E2E-${Date.now().toString(36).toUpperCase()}`;
  await logIn(page, 'associe');

  // The first Tab reaches the skip link, which takes the focus to the page's content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  await page.getByRole('navigation').getByRole('link', { name: 'Catalogue' }).click();
  await page.getByRole('button', { name: 'Nouvelle mission' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Code/ }).fill(code);
  await dialog.getByRole('textbox', { name: /^Mission/ }).fill('Diagnostic énergétique du local');
  await dialog.getByLabel('Domaine').selectOption('conseil');
  await dialog.getByLabel('Récurrence').selectOption('one_off');
  await dialog.getByRole('textbox', { name: /^Prix HT/ }).fill('350,00');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  const row = page.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText(/350,00\s€/);

  await row.getByRole('button', { name: `Modifier la mission ${code}` }).click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: /^Prix HT/ })
    .fill('360,00');
  await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(row).toContainText(/360,00\s€/);
  await snapshot(page, '01-catalogue', testInfo);

  // R-D3, R-D4: 1,03 on the whole catalogue, previewed only (the other journeys read demo prices).
  await page.getByRole('button', { name: 'Réévaluer l’ensemble des missions' }).click();
  const revalue = page.getByRole('dialog');
  await revalue.getByRole('textbox', { name: 'Coefficient' }).fill('1,03');
  await revalue.getByRole('button', { name: 'Prévisualiser' }).click();
  await expect(revalue.getByRole('row').filter({ hasText: 'Tenue de la comptabilité' })).toContainText(
    /190,00\s€\s*195,70\s€/,
  );
  await snapshot(page, '02-revaluation-preview', testInfo);
});
