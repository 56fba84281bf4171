import { expect, test } from '@playwright/test';
import {
  aSiren,
  fillPaymentTermsIfEmpty,
  frenchDate,
  logIn,
  parisToday,
  pickFromCatalogue,
  recordPaperSignature,
  sendThroughDialog,
  signForFirm,
  snapshot,
} from './support.ts';

/**
 * The seed story by clicks: a prospect, its proposal sent and signed on paper, the engagement letter
 * the signature created (R-B2), sent and signed by the client and an associé (R-B3): the prospect
 * turns client (R-A4).
 */
test('a prospect signs a proposal, then its engagement letter, and becomes a client', async ({
  page,
}, testInfo) => {
  const company = `Boulangerie du Parcours ${Date.now().toString(36)}`;
  const siren = aSiren();
  await logIn(page, 'associe');
  await snapshot(page, '01-dashboard', testInfo);

  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page.getByRole('button', { name: 'Nouvelle affaire prospect' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Raison sociale').fill(company);
  await dialog.getByLabel('SIREN').fill('123456789');
  await dialog.getByLabel('Forme juridique').fill('SARL');
  await dialog.getByLabel('Adresse', { exact: true }).fill('12 rue de la Charité');
  await dialog.getByLabel('Code postal').fill('69002');
  await dialog.getByLabel('Ville').fill('Lyon');
  await dialog.getByLabel('Activité').fill('Boulangerie-pâtisserie');
  await dialog.getByLabel('Prénom').fill('Lucie');
  await dialog.getByLabel('Nom', { exact: true }).fill('Fournier');
  await dialog.getByLabel('E-mail').fill('lucie.fournier@example.fr');
  await dialog.getByLabel('Qualité').fill('Gérante');
  await dialog.getByRole('button', { name: 'Créer l’affaire' }).click();
  // The API's refusal shows next to the field that caused it, in its words.
  await expect(dialog.getByLabel('SIREN')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/Le SIREN doit comporter 9 chiffres/)).toBeVisible();
  await snapshot(page, '02-field-error', testInfo);
  await dialog.getByLabel('SIREN').fill(siren);
  await dialog.getByRole('button', { name: 'Créer l’affaire' }).click();

  await expect(page.getByRole('heading', { name: company, level: 2 })).toBeVisible();
  await expect(page.getByText('Prospect', { exact: true }).first()).toBeVisible();
  await snapshot(page, '03-prospect', testInfo);

  // R-A2: a prospect is offered a proposal or a letter, nothing else.
  await page.getByRole('button', { name: 'Nouveau document' }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Offre de service', 'Lettre de mission']);
  await menu.getByRole('menuitem', { name: 'Offre de service' }).click();

  await expect(page.getByRole('heading', { name: /Offre de service/, level: 2 })).toBeVisible();
  await pickFromCatalogue(page, 'Tenue', /Tenue de la comptabilité/);
  await pickFromCatalogue(page, 'Bulletin', /Bulletin de paie/);
  await page.getByLabel('Quantité, ligne 2').fill('7');
  await page.getByLabel('Prix unitaire, ligne 2').fill('25,75');
  // 190,00 × 12 + 7 × 25,75 × 12 = 2 280,00 + 2 163,00
  await expect(page.getByTestId('total-ht')).toHaveText(/4\s443,00\s€/);
  await expect(page.getByTestId('total-ttc')).toHaveText(/5\s331,60\s€/);
  await snapshot(page, '04-proposal-editor', testInfo);

  await fillPaymentTermsIfEmpty(page);
  await sendThroughDialog(page);
  await expect(page.getByRole('heading', { name: /Offre de service OS-\d{4}-\d{4}/ })).toBeVisible();
  await expect(page.getByText('Envoyé', { exact: true })).toBeVisible();

  await recordPaperSignature(page);
  await expect(page.getByText('Signé', { exact: true })).toBeVisible();
  await expect(page.getByTestId('signature-client')).toContainText('Lucie Fournier');
  await snapshot(page, '05-proposal-signed', testInfo);

  // R-B2: the signature created the letter, linked to the proposal.
  await page.getByTestId('created-letter').click();
  await expect(page.getByRole('heading', { name: 'Lettre de mission', level: 2 })).toBeVisible();
  await expect(page.getByLabel('Quantité, ligne 2')).toHaveValue('7');
  await expect(page.getByTestId('total-ht')).toHaveText(/4\s443,00\s€/);
  await page.getByLabel('Date d’effet').fill(frenchDate(parisToday()));
  await page.getByLabel('Date d’effet').press('Tab');
  await fillPaymentTermsIfEmpty(page);
  await sendThroughDialog(page);
  await expect(page.getByRole('heading', { name: /Lettre de mission LM-\d{4}-\d{4}/ })).toBeVisible();
  await snapshot(page, '06-letter-sent', testInfo);

  await recordPaperSignature(page, 'Client');
  await expect(page.getByTestId('signature-client')).toContainText('Lucie Fournier');
  await signForFirm(page);
  await expect(page.getByTestId('signature-firm')).toContainText('Claire Dupré');
  await expect(page.getByText('Signé', { exact: true })).toBeVisible();
  await snapshot(page, '07-letter-signed', testInfo);

  // R-A4: the engagement turned client and got its code; its timeline links the documents.
  await page.getByRole('link', { name: company }).click();
  await expect(page.getByText('Client', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('client-code')).toHaveText(/^[A-Z]+\d+$/);
  await expect(page.getByText('A créé')).toBeVisible();
  await expect(page.getByText('Issue de')).toBeVisible();
  await expect(page.getByTestId('scope-annual')).toContainText(/4\s443,00\s€/);
  await expect(page.getByText('Transformée en dossier client')).toBeVisible();
  await snapshot(page, '08-client', testInfo);

  // The list finds it by SIREN, as a client.
  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page.getByLabel('Rechercher').fill(siren);
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row').nth(1)).toContainText('Client');
});
