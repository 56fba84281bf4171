import { expect, test } from '@playwright/test';
import { addDays, frenchDate, logIn, parisToday, snapshot } from './support.ts';

/**
 * Issue 17 in the browser: the firm's schedule by month with its CSV, the recurring fees and their
 * bridge, and a letter terminated from its page (R-G1: the notice refusal shown on the end date),
 * with its letter of termination sent for signature and its PDF opened.
 */
test('the schedule, the fees bridge and terminating a letter', async ({ page }, testInfo) => {
  await logIn(page, 'associe');
  await page.getByRole('navigation').getByRole('link', { name: 'Échéancier' }).click();
  await expect(page.getByRole('heading', { name: 'Échéancier', level: 2 })).toBeVisible();
  const months = page.getByRole('table', { name: 'Mois à facturer' });
  await expect(months.getByRole('row')).toHaveCount(13);
  await expect(months).toContainText(/\d[\d\s\u202f]*,\d{2}\s€/);
  await expect(page.getByRole('link', { name: 'Exporter en CSV' })).toHaveAttribute(
    'href',
    /\/api\/v1\/billing\/schedule\.csv\?from=\d{4}-\d{2}&to=\d{4}-\d{2}/,
  );
  await expect(page.getByRole('table', { name: 'Échéances' })).toContainText('Boulangerie Martin');
  await snapshot(page, '01-firm-schedule', testInfo);

  await page.getByRole('navigation').getByRole('link', { name: 'Honoraires' }).click();
  await expect(page.getByTestId('revenue-total')).toContainText(
    new RegExp(`au ${frenchDate(parisToday())}\\s:\\s\\d[\\d\\s\\u202f]*,\\d{2}\\s€`),
  );
  await expect(page.getByRole('table', { name: 'Client' })).toContainText('Boulangerie Martin');
  await expect(page.getByRole('img', { name: 'Évolution des honoraires récurrents' })).toBeVisible();
  await expect(page.getByTestId('bridge-table')).toContainText('Nouveaux clients');
  await snapshot(page, '02-fees', testInfo);

  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page.getByLabel('Rechercher').fill('Boulangerie Martin');
  await page.getByRole('link', { name: 'Boulangerie Martin' }).click();
  await expect(page.getByRole('heading', { name: 'Échéancier', level: 3 })).toBeVisible();
  await page
    .getByRole('link', { name: /^Lettre de mission LM-/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Résilier / dénoncer la lettre…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Client').check();
  await dialog.getByLabel('Motif').fill('Cession du fonds de commerce.');
  // Tomorrow is before the end of the period the notice allows: refused on the field.
  const endDate = dialog.getByLabel('Date de fin');
  await endDate.fill(frenchDate(addDays(parisToday(), 1)));
  await endDate.press('Tab');
  await dialog.getByRole('button', { name: 'Enregistrer la fin' }).click();
  const refusal = dialog.getByText(/ne respecte pas le préavis/);
  await expect(refusal).toBeVisible();
  await snapshot(page, '03-notice-refused', testInfo);
  const earliest = ((await refusal.textContent()) ?? '').match(/\d{2}\/\d{2}\/\d{4}/)?.[0] ?? '';
  expect(earliest).not.toBe('');
  await endDate.fill(earliest);
  await endDate.press('Tab');
  await dialog.getByRole('button', { name: 'Enregistrer la fin' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Résiliée au ${earliest}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Résilier / dénoncer la lettre…' })).toHaveCount(0);
  await snapshot(page, '04-terminated', testInfo);

  // R-G1: the letter of termination, born with the termination, a draft until it is sent.
  const card = page.getByTestId('termination-letter');
  await expect(card.getByRole('link', { name: /^Lettre de fin de mission/ })).toBeVisible();
  await card.getByRole('button', { name: 'Envoyer pour signature' }).click();
  // The same send dialog as every document: its recipients first, then the confirmation.
  const sendDialog = page.getByRole('dialog');
  await sendDialog.getByRole('button', { name: 'Confirmer l’envoi' }).click();
  await expect(sendDialog.getByRole('status').filter({ hasText: 'Document envoyé' })).toBeVisible({
    timeout: 30_000,
  });
  await sendDialog.getByRole('button', { name: 'Fermer' }).click();
  const numbered = card.getByRole('link', { name: /^Lettre de fin de mission FM-\d{4}-\d{4}$/ });
  await expect(numbered).toBeVisible({ timeout: 15_000 });
  const pdfLink = card.getByRole('link', { name: 'Voir le PDF' });
  const href = (await pdfLink.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/api\/v1\/documents\/[0-9a-f-]+\/pdf$/);
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await snapshot(page, '05-termination-letter', testInfo);
  await numbered.click();
  await expect(page.getByRole('heading', { name: /^Lettre de fin de mission FM-/, level: 2 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Voir la lettre résiliée' })).toBeVisible();
  // It has no lines: its page says what it says, the services that end read from the scope on the end date.
  const facts = page.getByTestId('termination-facts');
  await expect(facts.getByRole('link', { name: /^Lettre de mission LM-\d{4}-\d{4}$/ })).toBeVisible();
  await expect(facts).toContainText(`Fin de mission${earliest}`);
  await expect(page.getByRole('table', { name: 'Missions qui prennent fin' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Lignes de mission' })).toHaveCount(0);
});
