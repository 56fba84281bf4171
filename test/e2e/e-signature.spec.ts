import { readFile } from 'node:fs/promises';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { flipSignedByte } from '../support/incremental-update.ts';
import {
  aSiren,
  codeOf,
  drawOn,
  expectNoHorizontalScroll,
  fillPaymentTermsIfEmpty,
  frenchDate,
  logIn,
  mailRow,
  openMail,
  outboxMail,
  parisToday,
  pickFromCatalogue,
  sendThroughDialog,
  signingLinkOf,
  snapshot,
} from './support.ts';

type Prospect = { company: string; signer: string; email: string };

const aProspect = (first: string, last: string): Prospect => {
  const tag = Date.now().toString(36);
  return {
    company: `${last} Conseil ${tag}`,
    signer: `${first} ${last}`,
    email: `${first}.${last}.${tag}@exemple.fr`.toLowerCase(),
  };
};

/** A prospect and its proposal (one catalogue line), sent by clicks: the proposal's id. */
const sendProposal = async (page: Page, prospect: Prospect) => {
  const [first = '', last = ''] = prospect.signer.split(' ');
  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page.getByRole('button', { name: 'Nouvelle affaire prospect' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Raison sociale').fill(prospect.company);
  await dialog.getByLabel('SIREN').fill(aSiren());
  await dialog.getByLabel('Forme juridique').fill('SAS');
  await dialog.getByLabel('Adresse', { exact: true }).fill('3 place Bellecour');
  await dialog.getByLabel('Code postal').fill('69002');
  await dialog.getByLabel('Ville').fill('Lyon');
  await dialog.getByLabel('Activité').fill('Conseil en gestion');
  await dialog.getByLabel('Prénom').fill(first);
  await dialog.getByLabel('Nom', { exact: true }).fill(last);
  await dialog.getByLabel('E-mail').fill(prospect.email);
  await dialog.getByLabel('Qualité').fill('Présidente');
  await dialog.getByRole('button', { name: 'Créer l’affaire' }).click();
  await expect(page.getByRole('heading', { name: prospect.company, level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Nouveau document' }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Offre de service' }).click();
  await expect(page.getByRole('heading', { name: /Offre de service/, level: 2 })).toBeVisible();
  await pickFromCatalogue(page, 'Tenue', /Tenue de la comptabilité/);
  await fillPaymentTermsIfEmpty(page);
  await sendThroughDialog(page);
  await expect(page.getByRole('heading', { name: /Offre de service OS-\d{4}-\d{4}/ })).toBeVisible();
  return page.url().split('/documents/')[1] ?? '';
};

/** A signer's own browser: no session of the firm, on a phone unless told otherwise. */
const signerBrowser = (browser: Browser, baseURL: string, phone = true) =>
  browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });

/** Steps 1 to 3 on the signing page, the code read from the firm's outbox. */
const signThroughLink = async (
  signing: Page,
  firm: Page,
  input: { documentId: string; email: string; name: string },
) => {
  await signing.getByLabel('J’ai lu le document et j’accepte de le signer électroniquement').check();
  await signing.getByRole('button', { name: 'Recevoir mon code' }).click();
  await expect(signing.getByTestId('code-sent')).toHaveText(/^Code envoyé à \S…@exemple\.fr$/);
  const code = codeOf(
    await outboxMail(firm.request, { documentId: input.documentId, kind: 'signature_code', to: input.email }),
  );
  await signing.getByLabel('Code à six chiffres').fill(code);
  await signing.getByRole('button', { name: 'Valider le code' }).click();
  await expect(signing.getByTestId('code-verified')).toBeVisible();
  await signing.getByLabel('Vos prénom et nom').fill(input.name);
  await drawOn(signing, signing.getByTestId('signature-canvas'));
  await expect(signing.getByText('Signature dessinée.')).toBeVisible();
};

/**
 * The e-signature story by clicks: a proposal sent, its request read in « Courriels », signed by the
 * client on a phone with the code from the outbox; the letter it created (R-B2) sent, signed by the
 * client through the link and by the associé in the product: the prospect turns client, the sealed
 * copy is downloadable, and /verifier finds it intact (and a modified copy altered).
 */
test('a client signs a proposal and its letter by link, the associé signs in the product', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const prospect = aProspect('Lucie', 'Fournier');
  await logIn(page, 'associe');
  const proposalId = await sendProposal(page, prospect);
  const panel = page.getByTestId('esign-panel');
  await expect(panel.getByTestId('esign-client')).toContainText(prospect.email);
  await expect(panel.getByTestId('esign-client')).toContainText('En attente');
  await snapshot(page, '01-proposal-sent', testInfo);

  // The request is in the outbox (no SMTP here): read it in « Courriels » and follow its link.
  await page.getByRole('navigation').getByRole('link', { name: 'Courriels' }).click();
  await expect(page.getByRole('heading', { name: 'Courriels', level: 2 })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/courriels$/);
  const requestRow = mailRow(page, prospect.email, 'à signer');
  await expect(requestRow.getByText('Boîte d’envoi')).toBeVisible();
  await requestRow.getByRole('button').click();
  const mail = page.frameLocator('[data-testid="mail-html"]');
  const button = mail.getByRole('link', { name: 'Lire et signer le document' });
  await expect(button).toBeVisible();
  await snapshot(page, '02-courriels-request', testInfo);
  const link = await button.getAttribute('href');
  expect(link).toMatch(new RegExp(`^${baseURL}/signer/`));

  // The client, on a phone.
  const phone = await signerBrowser(browser, baseURL ?? '');
  const signing = await phone.newPage();
  await signing.goto(link ?? '');
  await expect(signing.getByTestId('firm-name')).toHaveText('Cabinet Dupré & Associés');
  await expect(signing.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(signing.getByText(/Offre de service OS-\d{4}-\d{4}/)).toBeVisible();
  await expect(signing.getByTestId('signing-total-ht')).toHaveText(/\d,\d{2}\s€$/);
  await expect(signing.getByTestId('signing-deadline')).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(signing.getByTestId('signatories')).toContainText(`Pour le client : ${prospect.signer}`);
  await expect(signing.getByRole('link', { name: 'Lire le document (PDF)' })).toHaveAttribute(
    'href',
    /\/api\/v1\/public\/signing\/.+\/pdf$/,
  );
  await expectNoHorizontalScroll(signing);
  await snapshot(signing, '03-signing-phone', testInfo);

  // A wrong code is refused next to the code field, in the API's words.
  await signing.getByRole('button', { name: 'Recevoir mon code' }).click();
  await expect(signing.getByTestId('code-sent')).toBeVisible();
  await expect(signing.getByRole('button', { name: /Renvoyer le code dans \d+ s/ })).toBeDisabled();
  await signing.getByLabel('Code à six chiffres').fill('000000');
  await signing.getByRole('button', { name: 'Valider le code' }).click();
  await expect(signing.getByText(/Ce code est incorrect.*Il vous reste \d+ essais?\./)).toBeVisible();
  await expect(signing.getByLabel('Code à six chiffres')).toHaveAttribute('aria-invalid', 'true');
  await expect(signing.getByLabel('Code à six chiffres')).toHaveAttribute('inputmode', 'numeric');
  await expect(signing.getByLabel('Code à six chiffres')).toHaveAttribute('autocomplete', 'one-time-code');
  await snapshot(signing, '04-signing-code-error-phone', testInfo);
  // The code mail is read in « Courriels » too, by the firm.
  await page.getByRole('navigation').getByRole('link', { name: 'Courriels' }).click();
  await openMail(page, prospect.email, 'votre code de signature');
  const codeMail = page.frameLocator('[data-testid="mail-html"]').locator('body');
  await expect(codeMail).toContainText('Voici le code');
  const code = (await codeMail.textContent())?.match(/(?<!\d)\d{6}(?!\d)/)?.[0] ?? '';
  await signing.getByLabel('Code à six chiffres').fill(code);
  await signing.getByRole('button', { name: 'Valider le code' }).click();
  await expect(signing.getByTestId('code-verified')).toBeVisible();

  // Consent forgotten: the API's refusal sits by the checkbox; a wrong name by the name.
  await signing.getByLabel('Vos prénom et nom').fill('Lucie');
  await signing.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(signing.getByText(/Cochez la case/)).toBeVisible();
  await signing.getByLabel('J’ai lu le document et j’accepte de le signer électroniquement').check();
  await signing.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(signing.getByText(/Le nom saisi ne correspond pas/)).toBeVisible();
  await expect(signing.getByLabel('Vos prénom et nom')).toHaveAttribute('aria-invalid', 'true');
  await signing.getByLabel('Vos prénom et nom').fill(prospect.signer);
  await drawOn(signing, signing.getByTestId('signature-canvas'));
  await expect(signing.getByText('Signature dessinée.')).toBeVisible();
  await expectNoHorizontalScroll(signing);
  await snapshot(signing, '05-signing-ready-phone', testInfo);
  await signing.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(
    signing.getByRole('heading', { level: 1, name: 'Votre signature est enregistrée' }),
  ).toBeVisible();
  await expect(signing.getByTestId('signing-done')).toContainText('porte maintenant toutes ses signatures');
  await expect(signing.getByTestId('signing-done')).toContainText(
    'Vous recevrez par e-mail l’exemplaire signé par toutes les parties.',
  );
  await snapshot(signing, '06-signed-phone', testInfo);
  await phone.close();

  // Back in the product: the proposal is signed, and its letter was created (R-B2).
  await page.goto(`/documents/${proposalId}`);
  await expect(page.getByText('Signé', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('esign-client')).toContainText('Signé le');
  await expect(page.getByTestId('signature-client')).toContainText(prospect.signer);
  await snapshot(page, '07-proposal-signed', testInfo);
  await page.getByTestId('created-letter').click();
  await expect(page.getByRole('heading', { name: 'Lettre de mission', level: 2 })).toBeVisible();
  await page.getByLabel('Date d’effet').fill(frenchDate(parisToday()));
  await page.getByLabel('Date d’effet').press('Tab');
  await fillPaymentTermsIfEmpty(page);
  await sendThroughDialog(page);
  await expect(page.getByRole('heading', { name: /Lettre de mission LM-\d{4}-\d{4}/ })).toBeVisible();
  const letterId = page.url().split('/documents/')[1] ?? '';
  await expect(page.getByTestId('esign-client')).toContainText('En attente');
  await expect(page.getByTestId('esign-firm')).toContainText('Claire Dupré');
  await snapshot(page, '08-letter-sent', testInfo);

  // The client signs the letter through the link of its mail, opened from the reader (desktop).
  await page.getByRole('link', { name: 'Voir les courriels de ce document' }).click();
  await openMail(page, prospect.email, 'à signer');
  const letterLink = await page
    .frameLocator('[data-testid="mail-html"]')
    .getByRole('link', { name: 'Lire et signer le document' })
    .getAttribute('href');
  const desktop = await signerBrowser(browser, baseURL ?? '', false);
  const letterSigning = await desktop.newPage();
  await letterSigning.goto(letterLink ?? '');
  await expect(letterSigning.getByTestId('signatories')).toContainText('Pour le cabinet : Claire Dupré');
  await expect(letterSigning.getByTitle('Le document à signer')).toBeVisible();
  await signThroughLink(letterSigning, page, {
    documentId: letterId,
    email: prospect.email,
    name: prospect.signer,
  });
  await snapshot(letterSigning, '09-signing-desktop', testInfo);
  await letterSigning.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(letterSigning.getByTestId('signing-done')).toContainText('attend encore une autre signature');
  await desktop.close();

  // The associé signs for the firm, in the product.
  await page.goto(`/documents/${letterId}`);
  await expect(page.getByTestId('esign-client')).toContainText('Signé le');
  await page.getByRole('button', { name: 'Signer pour le cabinet' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(page.getByTestId('esign-firm')).toContainText('Signé le');
  await expect(page.getByText('Signé', { exact: true }).first()).toBeVisible();
  // The sealed copy comes from a job a moment later; the panel asks until it is there.
  const download = page.getByTestId('signed-copy');
  await expect(download).toBeVisible({ timeout: 20_000 });
  const sealed = await page.request.get((await download.getAttribute('href')) ?? '');
  expect(sealed.status()).toBe(200);
  expect(sealed.headers()['content-type']).toContain('application/pdf');
  const sealedBytes = await sealed.body();
  await snapshot(page, '10-letter-signed-sealed', testInfo);

  // R-A4: the first signed letter made the prospect a client.
  await page.getByRole('link', { name: prospect.company }).click();
  await expect(page.getByText('Client', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('client-code')).toHaveText(/^[A-Z]+\d+$/);
  await snapshot(page, '11-client', testInfo);

  // Anyone can check the sealed copy on /verifier; one byte changed and it is altered.
  const verifier = await signerBrowser(browser, baseURL ?? '', false);
  const check = await verifier.newPage();
  await check.goto('/verifier');
  await check.locator('input[type=file]').setInputFiles({
    name: 'lettre-signee.pdf',
    mimeType: 'application/pdf',
    buffer: sealedBytes,
  });
  await expect(check.getByTestId('verify-intact')).toContainText(
    new RegExp(
      `Document intact.*Le document «\\sLettre de mission LM-\\d{4}-\\d{4}\\s» est exactement celui que Cabinet Dupré & Associés a scellé après sa signature par .*${prospect.signer}.* le \\d{2}/\\d{2}/\\d{4}`,
    ),
  );
  await snapshot(check, '12-verified', testInfo);
  // One byte changed inside the signed range (an update appended later, B-LT's, is not signed).
  const tampered = Buffer.from(flipSignedByte(sealedBytes));
  await check.locator('input[type=file]').setInputFiles({
    name: 'lettre-modifiee.pdf',
    mimeType: 'application/pdf',
    buffer: tampered,
  });
  // A byte changed under the seal: the seal no longer verifies, the page says so (issue 15, item 6).
  await expect(check.getByTestId('verify-damaged')).toContainText('Document altéré');
  await expect(check.getByTestId('verify-damaged')).toContainText(
    'la signature ne correspond plus à son contenu',
  );
  await snapshot(check, '13-verify-damaged', testInfo);
  await verifier.close();
});

test('a client refuses with a reason; a dead link shows the neutral screen', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const prospect = aProspect('Marc', 'Lambert');
  await logIn(page, 'associe');
  const proposalId = await sendProposal(page, prospect);
  const link = signingLinkOf(
    await outboxMail(page.request, { documentId: proposalId, kind: 'signature_request', to: prospect.email }),
  );

  // A signer who reads English: the page in English, the kind of document too (amounts stay French).
  const english = await signerBrowser(browser, baseURL ?? '');
  await english.addInitScript(() => localStorage.setItem('lettrine.language', 'en'));
  const reading = await english.newPage();
  await reading.goto(link);
  await expect(reading.getByRole('heading', { level: 1 })).toHaveText(/^Proposal OS-\d{4}-\d{4}$/);
  await expect(reading.getByTestId('signatories')).toContainText(`For the client: ${prospect.signer}`);
  await expect(reading.getByRole('button', { name: 'Send me my code' })).toBeVisible();
  await expectNoHorizontalScroll(reading);
  await snapshot(reading, 'r0-signing-english-phone', testInfo);
  await english.close();

  // A collaborateur sees that the request exists, not the signer's link.
  const colleague = await browser.newContext({ baseURL });
  const staff = await colleague.newPage();
  await logIn(staff, 'collaborateur');
  await staff.goto('/courriels');
  await openMail(staff, prospect.email, 'à signer');
  await expect(staff.getByTestId('mail-withheld')).toContainText('Contenu réservé aux associés');
  await expect(staff.getByTestId('mail-withheld')).toContainText('adressez-vous à un associé');
  await expect(staff.getByTestId('mail-html')).toHaveCount(0);
  await snapshot(staff, 'r00-mail-withheld-collaborateur', testInfo);
  await colleague.close();

  const phone = await signerBrowser(browser, baseURL ?? '');
  const signing = await phone.newPage();
  await signing.goto(link);
  // Opening the refusal can be undone: back to signing.
  await signing.getByRole('button', { name: 'Refuser' }).click();
  await signing.getByRole('button', { name: 'Revenir à la signature' }).click();
  await expect(signing.getByLabel('Motif du refus')).toHaveCount(0);
  await signing.getByRole('button', { name: 'Refuser' }).click();
  await signing.getByLabel('Motif du refus').fill('Honoraires trop élevés pour notre taille.');
  // A refusal speaks for the signer too: it needs the code first, and says so by the reason.
  await signing.getByRole('button', { name: 'Confirmer le refus' }).click();
  await expect(signing.getByText(/Demandez d’abord le code/)).toBeVisible();
  await signing.getByRole('button', { name: 'Recevoir mon code' }).click();
  const code = codeOf(
    await outboxMail(page.request, { documentId: proposalId, kind: 'signature_code', to: prospect.email }),
  );
  await signing.getByLabel('Code à six chiffres').fill(code);
  await signing.getByRole('button', { name: 'Valider le code' }).click();
  await expect(signing.getByTestId('code-verified')).toBeVisible();
  await signing.getByLabel('Motif du refus').fill('');
  await signing.getByRole('button', { name: 'Confirmer le refus' }).click();
  await expect(signing.getByLabel('Motif du refus')).toHaveAttribute('aria-invalid', 'true');
  await expect(signing.getByText('Champ obligatoire : il ne peut pas être vide.')).toBeVisible();
  await signing.getByLabel('Motif du refus').fill('Honoraires trop élevés pour notre taille.');
  await expectNoHorizontalScroll(signing);
  await snapshot(signing, 'r1-refuse-phone', testInfo);
  await signing.getByRole('button', { name: 'Confirmer le refus' }).click();
  await expect(signing.getByRole('heading', { level: 1, name: 'Refus enregistré' })).toBeVisible();
  await expect(signing.getByTestId('signing-refused')).toContainText(
    'Vous avez refusé le document « Offre de service',
  );
  await snapshot(signing, 'r2-refused-phone', testInfo);

  // The same link, opened again, and a link that never existed: the same neutral screen.
  await signing.goto(link);
  await expect(signing.getByTestId('dead-link')).toContainText(
    'Ce lien de signature n’est pas ou plus valable',
  );
  await signing.goto('/signer/pas-un-vrai-jeton');
  await expect(signing.getByTestId('dead-link')).toContainText(
    'Ce lien de signature n’est pas ou plus valable',
  );
  await expectNoHorizontalScroll(signing);
  await snapshot(signing, 'r3-dead-link-phone', testInfo);
  await phone.close();

  await page.goto(`/documents/${proposalId}`);
  await expect(page.getByText('Refusé', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('esign-client')).toContainText('Refusé');
  await expect(page.getByTestId('esign-client-detail')).toHaveText(
    'Motif : « Honoraires trop élevés pour notre taille. »',
  );
  // Refused, the document will never get its signature: no longer « En attente ».
  await expect(page.getByTestId('signature-client')).toContainText('Non signé');
  await snapshot(page, 'r4-proposal-refused', testInfo);
});

test('an associé sets the e-signature schedule and subscribes a webhook', async ({ page }, testInfo) => {
  await logIn(page, 'associe');
  await page.getByRole('navigation').getByRole('link', { name: 'Cabinet' }).click();
  const settings = page.getByRole('form', { name: 'Signature électronique' });
  await settings.getByLabel('Relances (jours après l’envoi)').fill('3, 3');
  await settings.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(settings.getByText('Chaque jour de relance une seule fois.')).toBeVisible();
  await settings.getByLabel('Relances (jours après l’envoi)').fill('7, 3');
  await settings.getByLabel('Durée de validité des liens (jours)').fill('30');
  await settings.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(settings.getByText('Enregistré.')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('form', { name: 'Signature électronique' }).getByLabel('Relances (jours après l’envoi)'),
  ).toHaveValue('3, 7');
  await snapshot(page, 'w1-firm-esign-settings', testInfo);

  await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 2 })).toBeVisible();
  // A public https address, as a firm gives it: private ones (127.0.0.1…) are refused (issue 20).
  const url = `https://erp.cabinet-dupre.example/lettrine-${Date.now().toString(36)}`;
  await page.getByLabel('Adresse (URL)').fill(url);
  await page.getByLabel('Description').fill('ERP du cabinet');
  await page.getByLabel(/Document signé/).check();
  await page.getByRole('button', { name: 'Créer le webhook' }).click();
  const secret = page.getByRole('dialog').getByTestId('webhook-secret');
  await expect(secret).toHaveText(/^whsec_/);
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Copier le secret' })).toBeVisible();
  await snapshot(page, 'w2-webhook-secret', testInfo);
  await page.getByRole('button', { name: 'J’ai conservé le secret' }).click();
  const row = page.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: url });
  await expect(row).toContainText('Document signé');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Mantine's switch input is visually hidden under its track: a click event, as a keyboard would.
  await row.getByRole('switch').dispatchEvent('click');
  await expect(row).toContainText('Désactivé');
  await snapshot(page, 'w3-webhooks', testInfo);
  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: 'Supprimer' }).click();
  await expect(
    page.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: url }),
  ).toHaveCount(0);
});

/**
 * Issue 15, items 4 and 7: the signer comes back to their link after signing. It says « Document
 * signé » with the date, gives the sealed copy once it is made, and the firm reads every opening,
 * the PDF read and the download in the document's signature trail.
 */
test('the signer comes back after signing and downloads the sealed copy; the firm reads the trail', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const prospect = aProspect('Ines', 'Garnier');
  await logIn(page, 'associe');
  const proposalId = await sendProposal(page, prospect);
  const link = signingLinkOf(
    await outboxMail(page.request, { documentId: proposalId, kind: 'signature_request', to: prospect.email }),
  );

  // On a desktop, the PDF shows beside the form: the trail records it read.
  const desktop = await signerBrowser(browser, baseURL ?? '', false);
  const signing = await desktop.newPage();
  await signing.goto(link);
  await expect(signing.getByTitle('Le document à signer')).toBeVisible();
  await signThroughLink(signing, page, {
    documentId: proposalId,
    email: prospect.email,
    name: prospect.signer,
  });
  await signing.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(signing.getByTestId('signing-done')).toBeVisible();

  // Back on the link later: « Document signé », and the copy once sealed (a job, a moment after).
  await expect(async () => {
    await signing.reload();
    await expect(signing.getByTestId('download-signed-copy')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const signed = signing.getByTestId('already-signed');
  await expect(signed.getByRole('heading', { level: 1, name: 'Document signé' })).toBeVisible();
  await expect(signed).toContainText(
    new RegExp(`${prospect.signer}, vous avez signé .* le \\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2}\\.`),
  );
  await expect(signed).toContainText(/jusqu’au \d{2}\/\d{2}\/\d{4}/);
  await snapshot(signing, 't1-already-signed', testInfo);
  const downloading = signing.waitForEvent('download');
  await signing.getByTestId('download-signed-copy').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^OS-\d{4}-\d{4}-sign/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await desktop.close();

  // The firm's document page: the trail, in order, with the download last.
  await page.goto(`/documents/${proposalId}`);
  const trail = page.getByTestId('signing-trail');
  await expect(trail.getByRole('heading', { name: 'Journal de la signature' })).toBeVisible();
  await expect(trail).toContainText(`Transaction ${proposalId}`);
  const rows = trail.getByRole('row');
  await expect(rows.nth(1)).toContainText('Invitation à signer envoyée');
  await expect(trail).toContainText('Document envoyé affiché ou téléchargé (PDF)');
  await expect(trail).toContainText(
    'Consentement donné : « J’ai lu le document et j’accepte de le signer électroniquement »',
  );
  await expect(trail).toContainText('Exemplaire signé scellé');
  await expect(rows.last()).toContainText('Exemplaire signé téléchargé par le lien');
  await expect(rows.last()).toContainText(/\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
  await snapshot(page, 't2-signing-trail', testInfo);
});
