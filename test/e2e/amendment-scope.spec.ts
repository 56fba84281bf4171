import { expect, test } from '@playwright/test';
import {
  addDays,
  cents,
  euros,
  frenchDate,
  logIn,
  parisToday,
  recordPaperSignature,
  sendThroughDialog,
  signForFirm,
  snapshot,
} from './support.ts';

/**
 * R-C2, R-C3: an amendment to a signed letter changes its recurring scope from its effective date;
 * the scope in force read on a date before it and on a date after it.
 */
test('an amendment changes the scope in force from its effective date', async ({ page }, testInfo) => {
  const today = parisToday();
  const effective = addDays(today, 10);
  await logIn(page, 'associe');
  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page.getByLabel('Rechercher').fill('Atelier Lumière');
  await page.getByRole('link', { name: 'Atelier Lumière' }).click();
  await expect(page.getByRole('heading', { name: 'Atelier Lumière', level: 2 })).toBeVisible();
  const before = (await page.getByTestId('scope-annual').textContent()) ?? '';
  await snapshot(page, '01-client-before', testInfo);

  await page.getByRole('button', { name: 'Nouveau document' }).click();
  await page.getByRole('menuitem', { name: /Avenant à la lettre LM-/ }).click();
  // Issue 18: the amendment is a draft, opened in the document's editor like any other.
  await expect(page.getByRole('heading', { name: 'Avenant', level: 2 })).toBeVisible();
  await page.getByLabel('Date d’effet').fill(frenchDate(effective));
  await page.getByLabel('Date d’effet').press('Tab');
  // The monthly bookkeeping goes from 150,00 € to 165,00 €: 180,00 € more a year.
  await page.getByLabel('Prix unitaire, ligne Tenue de la comptabilité').fill('165,00');
  await snapshot(page, '02-amendment-form', testInfo);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText(/^Enregistré à \d{2}:\d{2}$/);
  // A draft like any other: saved, it reads back as left, and can be changed again before sending.
  await page.reload();
  await expect(page.getByLabel('Prix unitaire, ligne Tenue de la comptabilité')).toHaveValue('165,00');
  await sendThroughDialog(page);
  await expect(page.getByRole('heading', { name: /Avenant LM-\d{4}-\d{4}-A\d{2}/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Modification' })).toBeVisible();
  await recordPaperSignature(page, 'Client');
  await expect(page.getByTestId('signature-client')).toContainText('Signé par');
  await signForFirm(page);
  await expect(page.getByText('Signé', { exact: true })).toBeVisible();
  await expect(page.getByTestId('amendment-impact')).toBeVisible();
  await snapshot(page, '03-amendment-signed', testInfo);

  await page.getByRole('link', { name: 'Atelier Lumière' }).click();
  await expect(page.getByText(/^Modifie Lettre de mission/)).toBeVisible();
  // Today the amendment is not in force yet: the scope is unchanged.
  await expect(page.getByTestId('scope-annual')).toHaveText(before);
  const dateInput = page.getByLabel('À la date du');
  await dateInput.fill(frenchDate(addDays(effective, 5)));
  await dateInput.press('Tab');
  await expect(page.getByTestId('scope-annual')).toContainText(frenchDate(addDays(effective, 5)));
  await expect(page.getByTestId('scope-annual')).toContainText(euros(cents(before) + 18_000));
  await expect(page.getByTestId('scope-annual')).not.toHaveText(
    before.replace(frenchDate(today), frenchDate(addDays(effective, 5))),
  );
  await snapshot(page, '04-scope-after', testInfo);
  await dateInput.fill(frenchDate(today));
  await dateInput.press('Tab');
  await expect(page.getByTestId('scope-annual')).toHaveText(before);
});
