import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { aSiren, fillPaymentTermsIfEmpty, logIn, outboxMail, sendButton, snapshot } from './support.ts';

/** A prospect whose signatory has an address, and its draft proposal, made through the API. */
const aDraftProposal = async (request: APIRequestContext, tag: string) => {
  const email = `lucie.fournier.${tag}@exemple.fr`;
  const services = await (await request.get('/api/v1/services?pageSize=100')).json();
  const service = (services.items as { id: string; isArchived?: boolean }[]).find((s) => !s.isArchived);
  const engagement = await request.post('/api/v1/engagements', {
    data: {
      company: {
        name: `Fournier Conseil ${tag}`,
        legalForm: 'SAS',
        siren: aSiren(),
        fiscalYearEnd: '12-31',
        addressLine1: '3 place Bellecour',
        postalCode: '69002',
        city: 'Lyon',
      },
      signatory: { firstName: 'Lucie', lastName: 'Fournier', capacity: 'Présidente', email },
    },
  });
  expect(engagement.status(), await engagement.text()).toBe(201);
  const draft = await request.post('/api/v1/documents', {
    data: {
      engagementId: (await engagement.json()).id,
      kind: 'proposal',
      lines: [{ serviceId: service?.id, quantity: 1 }],
    },
  });
  expect(draft.status(), await draft.text()).toBe(201);
  return { id: (await draft.json()).id as string, email };
};

const openDraft = async (page: Page, id: string) => {
  await page.goto(`/documents/${id}`);
  await expect(page.getByRole('heading', { name: 'Offre de service', level: 2 })).toBeVisible();
};

/**
 * Issue 18, item 1: « Envoyer » no longer sends at one click. The dialog shows the recipients and
 * their addresses, the client's mail with the user's personal message, and the PDF; the user
 * confirms and reads what was done; the message reaches the client's mail.
 */
test('a proposal is sent through the dialog, with a personal message the client receives', async ({
  page,
}, testInfo) => {
  await logIn(page, 'associe');
  const tag = Date.now().toString(36);
  const draft = await aDraftProposal(page.request, tag);
  await openDraft(page, draft.id);
  await fillPaymentTermsIfEmpty(page);

  await sendButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Envoyer : Offre de service' });
  await expect(dialog.getByTestId('send-recipient').filter({ hasText: 'Lucie Fournier' })).toContainText(
    draft.email,
  );
  const message = 'Merci pour notre échange de mardi : voici l’offre <promise> & ses annexes.';
  await dialog.getByLabel('Message personnel (facultatif)').fill(message);
  const mail = dialog.getByTestId('send-mail');
  await expect(mail).toContainText(`Lucie Fournier <${draft.email}>`);
  await expect(mail).toContainText(message);
  await dialog.getByRole('button', { name: 'Afficher le PDF ici' }).click();
  await expect(dialog.locator('iframe[title="Aperçu du PDF à envoyer"]')).toHaveAttribute(
    'src',
    new RegExp(`/api/v1/documents/${draft.id}/pdf`),
  );
  // Still a draft until the user confirms.
  const before = await (await page.request.get(`/api/v1/documents/${draft.id}`)).json();
  expect(before.document.status).toBe('draft');
  await snapshot(page, '01-send-dialog', testInfo);

  await dialog.getByRole('button', { name: 'Confirmer l’envoi' }).click();
  const success = dialog.getByRole('status').filter({ hasText: 'Document envoyé' });
  await expect(success).toContainText(/OS-\d{4}-\d{4} est numéroté et figé/, { timeout: 30_000 });
  await expect(success).toContainText(`Lucie Fournier (${draft.email})`);
  await snapshot(page, '02-sent', testInfo);
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(page.getByRole('heading', { name: /Offre de service OS-\d{4}-\d{4}/ })).toBeVisible();

  const received = await outboxMail(page.request, {
    documentId: draft.id,
    kind: 'signature_request',
    to: draft.email,
  });
  // The mail sets French typography (a no-break space before « : »).
  expect(received.textBody?.replace(/[\u00a0\u202f]/g, ' ')).toContain(message);
});

/**
 * Issue 18, item 2: what is previewed is what is on screen (the preview saves first), the editor
 * says when it saved, and leaving with unsaved changes asks first, in the app and out of it.
 */
test('the editor saves before the PDF preview, says when, and warns before unsaved changes are lost', async ({
  page,
}, testInfo) => {
  await logIn(page, 'associe');
  const draft = await aDraftProposal(page.request, `${Date.now().toString(36)}b`);
  await openDraft(page, draft.id);
  const title = page.getByLabel('Titre', { exact: true });
  const state = page.getByTestId('save-state');

  await title.fill('Offre revue avant aperçu');
  await expect(state).toHaveText('Modifications non enregistrées');
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Aperçu PDF' }).click();
  await (await popup).close();
  await expect(state).toHaveText(/^Enregistré à \d{2}:\d{2}$/);
  const saved = await (await page.request.get(`/api/v1/documents/${draft.id}`)).json();
  expect(saved.document.title).toBe('Offre revue avant aperçu');
  await snapshot(page, '03-saved-at', testInfo);

  // Another page of the app: the dialog keeps the user, or lets them go.
  await title.fill('Offre pas encore enregistrée');
  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  const warning = page.getByRole('dialog', { name: 'Modifications non enregistrées' });
  await expect(warning).toBeVisible();
  await snapshot(page, '04-unsaved-warning', testInfo);
  await warning.getByRole('button', { name: 'Rester sur la page' }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${draft.id}$`));
  await expect(title).toHaveValue('Offre pas encore enregistrée');

  // Out of the app (a reload, a closed tab): the browser's own question.
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.type();
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toBe('beforeunload');
  await expect(title).toHaveValue('Offre revue avant aperçu');

  await title.fill('Offre abandonnée');
  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page
    .getByRole('dialog', { name: 'Modifications non enregistrées' })
    .getByRole('button', { name: 'Quitter sans enregistrer' })
    .click();
  await expect(page).toHaveURL(/\/engagements$/);
});

/** Issue 18, item 5: a day that does not exist is refused, never turned into another one. */
test('a date field refuses 31/02 instead of turning it into 03/03', async ({ page }, testInfo) => {
  await logIn(page, 'associe');
  const draft = await aDraftProposal(page.request, `${Date.now().toString(36)}c`);
  await openDraft(page, draft.id);
  const until = page.getByLabel('Valable jusqu’au');
  await until.fill('31/02/2027');
  await until.press('Tab');
  await expect(page.getByText('Date impossible : le 31/02/2027 n’existe pas.')).toBeVisible();
  await expect(until).not.toHaveValue('03/03/2027');
  await snapshot(page, '05-impossible-date', testInfo);
  await until.fill('28/02/2027');
  await until.press('Tab');
  await expect(page.getByText(/Date impossible/)).toHaveCount(0);
  await expect(until).toHaveValue('28/02/2027');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText(/^Enregistré à \d{2}:\d{2}$/);
  const saved = await (await page.request.get(`/api/v1/documents/${draft.id}`)).json();
  expect(saved.document.validUntil).toBe('2027-02-28');
});
