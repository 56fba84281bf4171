import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { aSiren, codeOf, drawOn, logIn, outboxMail, parisToday, signingLinkOf, snapshot } from './support.ts';

type Json = Record<string, unknown>;

const post = async (request: APIRequestContext, path: string, data: Json = {}) => {
  const res = await request.post(`/api/v1${path}`, { data });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
  return res.json();
};

/** A prospect whose signatory has an address, and its proposal sent, through the API. */
const aSentProposal = async (request: APIRequestContext, tag: string) => {
  const email = `agathe.roux.${tag}@exemple.fr`;
  const company = `Roux Menuiserie ${tag}`;
  const services = await (await request.get('/api/v1/services?pageSize=100')).json();
  // A priced recurring service: the signer reads a real price, not « Au réel ».
  const service = (
    services.items as {
      id: string;
      name: string;
      isArchived?: boolean;
      priceCents: number;
      recurrence: string;
    }[]
  ).find((s) => !s.isArchived && s.priceCents > 0 && s.recurrence === 'monthly');
  const engagement = await post(request, '/engagements', {
    company: {
      name: company,
      legalForm: 'SARL',
      siren: aSiren(),
      fiscalYearEnd: '12-31',
      activity: 'Menuiserie',
      addressLine1: '5 rue Mercière',
      postalCode: '69002',
      city: 'Lyon',
    },
    signatory: { firstName: 'Agathe', lastName: 'Roux', capacity: 'Gérante', email },
  });
  const draft = await post(request, '/documents', {
    engagementId: engagement.id,
    kind: 'proposal',
    paymentTerms: 'Prélèvement mensuel',
    lines: [{ serviceId: service?.id, quantity: 1 }],
  });
  const sent = await post(request, `/documents/${draft.id}/send`, { version: draft.version });
  return {
    email,
    company,
    engagementId: engagement.id as string,
    proposalId: draft.id as string,
    number: sent.number as string,
    serviceName: service?.name ?? '',
  };
};

/** The client's own browser, on a phone: no session of the firm. */
const signerPhone = (browser: Browser, baseURL: string) =>
  browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });

/** Consent, the code read from the firm's outbox, the name and a drawing, then « Signer ». */
const signThroughLink = async (signing: Page, firm: Page, input: { documentId: string; email: string }) => {
  await signing.getByLabel('J’ai lu le document et j’accepte de le signer électroniquement').check();
  await signing.getByRole('button', { name: 'Recevoir mon code' }).click();
  const code = codeOf(
    await outboxMail(firm.request, { documentId: input.documentId, kind: 'signature_code', to: input.email }),
  );
  await signing.getByLabel('Code à six chiffres').fill(code);
  await signing.getByRole('button', { name: 'Valider le code' }).click();
  await expect(signing.getByTestId('code-verified')).toBeVisible();
  await signing.getByLabel('Vos prénom et nom').fill('Agathe Roux');
  await drawOn(signing, signing.getByTestId('signature-canvas'));
  await signing.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(signing.getByTestId('signing-done')).toBeVisible({ timeout: 15_000 });
};

/**
 * Issue 18, items 6 to 8, by clicks: the client's signing page lists the services and their prices
 * and links the general terms, its number on one line; the client signs and the associé's bell
 * says so; a paper signature asks for its scan; « À signer par moi » lists the letter and signs it;
 * the engagement's history groups each document's events under its name.
 */
test('signatures that are clear: lines and terms for the client, the bell, the scan, « À signer par moi », the history', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  await logIn(page, 'associe');
  const tag = Date.now().toString(36);
  const proposal = await aSentProposal(page.request, tag);

  // The client's page: the services with their recurrence and price, the general terms, the number.
  const request = await outboxMail(page.request, {
    documentId: proposal.proposalId,
    kind: 'signature_request',
    to: proposal.email,
  });
  const phone = await signerPhone(browser, baseURL ?? '');
  const signing = await phone.newPage();
  await signing.goto(signingLinkOf(request));
  const lines = signing.getByTestId('signing-lines');
  await expect(lines).toBeVisible();
  await expect(lines.getByRole('row')).toHaveCount(2);
  await expect(lines.getByRole('row').nth(1)).toContainText(proposal.serviceName);
  await expect(lines.getByRole('row').nth(1)).toContainText(/[1-9][\d\s]*,\d{2}\s€/);
  await expect(lines.getByRole('row').nth(1)).toContainText('Mensuelle');
  await expect(signing.getByTestId('signing-number')).toHaveCSS('white-space', 'nowrap');
  const termsLink = signing.getByTestId('terms-link');
  await expect(termsLink).toContainText('conditions générales');
  await termsLink.click();
  const terms = signing.getByRole('dialog');
  await expect(terms).toBeVisible();
  await expect(terms).toContainText(/Version \d+, en vigueur depuis le \d{2}\/\d{2}\/\d{4}/);
  await snapshot(signing, '01-signing-terms', testInfo);
  await terms.getByRole('button').first().click();
  await expect(terms).toBeHidden();
  await snapshot(signing, '02-signing-lines', testInfo);
  await signThroughLink(signing, page, { documentId: proposal.proposalId, email: proposal.email });
  await phone.close();

  // The associé's bell: the proposal signed, unread, a link to it.
  await page.goto('/');
  const bell = page.getByRole('button', { name: /^Notifications\s:\s\d+ non lues?$/ });
  await expect(bell).toBeVisible({ timeout: 30_000 });
  await bell.click();
  const notification = page
    .getByTestId('notification')
    .filter({ hasText: new RegExp(`Signé\\s:\\sOffre de service ${proposal.number}`) });
  await expect(notification).toBeVisible();
  await expect(notification).toContainText(proposal.company);
  await snapshot(page, '03-notification', testInfo);
  await notification.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/documents/${proposal.proposalId}$`));

  // The letter the signature created (R-B2), sent; the client's signature comes on paper.
  const view = await (await page.request.get(`/api/v1/documents/${proposal.proposalId}`)).json();
  const letterId = view.createdLetterId as string;
  const letter = await (await page.request.get(`/api/v1/documents/${letterId}`)).json();
  const patched = await page.request.patch(`/api/v1/documents/${letterId}`, {
    data: {
      version: letter.document.version,
      effectiveDate: parisToday(),
      paymentTerms: 'Prélèvement mensuel',
    },
  });
  expect(patched.ok(), await patched.text()).toBe(true);
  const letterSent = await post(page.request, `/documents/${letterId}/send`, {
    version: (await patched.json()).version,
  });
  await page.goto(`/documents/${letterId}`);
  await expect(page.getByRole('heading', { name: /Lettre de mission LM-/ })).toBeVisible();
  // The firm's electronic signature is the main action; paper is the secondary one, named so.
  await expect(page.getByRole('button', { name: 'Signer pour le cabinet' })).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer une signature papier…' }).click();
  const paper = page.getByRole('dialog', { name: 'Enregistrer une signature papier…' });
  await paper.getByLabel('Signature de').selectOption({ label: 'Client' });
  await paper.getByRole('button', { name: 'Enregistrer la signature' }).click();
  await expect(paper.getByText('Joignez le scan du document signé.')).toBeVisible();
  await snapshot(page, '04-paper-needs-scan', testInfo);
  await paper.locator('input[type="file"]').setInputFiles({
    name: 'lettre-signee.png',
    mimeType: 'image/png',
    buffer: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    ),
  });
  // Fixed, the error goes.
  await expect(paper.getByText('Joignez le scan du document signé.')).toBeHidden();
  await paper.getByRole('button', { name: 'Enregistrer la signature' }).click();
  await expect(paper).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('signature-client')).toContainText('Signé par');

  // « À signer par moi » on the dashboard lists the letter, and signs it from there.
  await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
  const toSign = page.getByTestId('to-sign');
  const item = toSign.getByTestId('to-sign-item').filter({ hasText: letterSent.number });
  await expect(item).toBeVisible();
  await expect(item).toContainText(proposal.company);
  await snapshot(page, '05-to-sign-by-me', testInfo);
  await item.getByRole('button', { name: 'Signer pour le cabinet' }).click();
  const confirm = page.getByRole('dialog', { name: 'Signer pour le cabinet' });
  await expect(confirm).toContainText(letterSent.number);
  await confirm.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(item).toHaveCount(0, { timeout: 15_000 });
  const signedLetter = await (await page.request.get(`/api/v1/documents/${letterId}`)).json();
  expect(signedLetter.document.status).toBe('signed');

  // The engagement's history: each document's events together, under its name.
  await page.goto(`/engagements/${proposal.engagementId}`);
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(history.getByRole('link', { name: `Offre de service ${proposal.number}` })).toBeVisible();
  await expect(history.getByRole('link', { name: `Lettre de mission ${letterSent.number}` })).toBeVisible();
  await expect(history.getByTestId('history-document')).toHaveCount(2);
  // « Document créé » is now inside each document's group, not a line of its own.
  await expect(history.getByText('Document créé', { exact: true }).filter({ visible: true })).toHaveCount(0);
  await history
    .getByText(/^Voir les \d+ événements$/)
    .first()
    .click();
  await expect(history.getByText('Document créé', { exact: true }).first()).toBeVisible();
  await snapshot(page, '06-history-grouped', testInfo);
});
