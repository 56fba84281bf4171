import { expect, test } from '@playwright/test';
import { logIn, snapshot } from './support.ts';

/** A `lecture` user reads every page and finds no control that would change anything. */
test('a lecture user reads everything and can change nothing', async ({ page }, testInfo) => {
  await logIn(page, 'lecture');
  await expect(page.getByText('Lecture seule')).toBeVisible();
  await snapshot(page, '01-dashboard', testInfo);

  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await expect(page.getByRole('heading', { name: 'Affaires', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nouvelle affaire prospect' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Menuiserie Favre' }).click();
  await expect(page.getByRole('heading', { name: 'Menuiserie Favre', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nouveau document' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Transformer en dossier client' })).toHaveCount(0);
  await snapshot(page, '02-engagement', testInfo);

  // A draft opens as it stands: no editor, no command.
  await page
    .getByRole('link', { name: /Offre de service/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /Offre de service/, level: 2 })).toBeVisible();
  await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  for (const name of [
    'Envoyer',
    'Enregistrer',
    'Annuler le document',
    'Dupliquer',
    'Enregistrer une signature papier…',
    'Signer pour le cabinet',
  ])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await snapshot(page, '03-draft', testInfo);

  await page.getByRole('navigation').getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByRole('heading', { name: 'Catalogue des missions' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Réévaluer l’ensemble des missions' })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Conditions générales' }).click();
  await expect(page.getByRole('heading', { name: 'Conditions générales', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publier une nouvelle version' })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Cabinet' }).click();
  await expect(page.getByLabel('Dénomination')).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('heading', { name: 'Utilisateurs et rôles' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Créer l’utilisateur' })).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await snapshot(page, '04-users', testInfo);

  // Switching to English keeps the user read-only.
  await page.getByRole('banner').getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();
  await page.getByRole('banner').getByText('Français').click();

  // On a phone, the navigation folds behind a menu button and the pages stay readable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page.getByRole('link', { name: 'Menuiserie Favre' }).click();
  await expect(page.getByRole('heading', { name: 'Menuiserie Favre', level: 2 })).toBeVisible();
  await snapshot(page, '05-phone-engagement', testInfo);
});
