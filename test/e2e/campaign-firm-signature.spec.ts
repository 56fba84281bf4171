import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { addDays, aSiren, logIn, parisToday, snapshot } from './support.ts';

type Json = Record<string, unknown>;

const call = async (request: APIRequestContext, method: 'get' | 'post', path: string, data?: Json) => {
  const res = await request[method](`/api/v1${path}`, data === undefined ? {} : { data });
  expect(res.ok(), `${method.toUpperCase()} ${path}: ${await res.text()}`).toBe(true);
  return res.json();
};

/**
 * A client of the associé's whose engagement letter both sides signed, made through the API; its
 * financial year ends on 30 June (or July on a retry), a month no other journey uses, so the
 * campaign selects only the clients this journey makes.
 */
const aClientInForce = async (request: APIRequestContext, input: { name: string; month: string }) => {
  const services = (await call(request, 'get', '/services?pageSize=100')).items as {
    id: string;
    isArchived?: boolean;
    priceCents: number;
    recurrence: string;
  }[];
  const service = services.find((s) => !s.isArchived && s.priceCents > 0 && s.recurrence === 'monthly');
  const engagement = await call(request, 'post', '/engagements', {
    company: {
      name: input.name,
      legalForm: 'SARL',
      siren: aSiren(),
      fiscalYearEnd: `${input.month}-30`,
      activity: 'Imprimerie',
      addressLine1: '3 rue de la Charité',
      postalCode: '69002',
      city: 'Lyon',
    },
    signatory: {
      firstName: 'Inès',
      lastName: 'Garnier',
      capacity: 'Gérante',
      email: `ines.garnier.${aSiren()}@exemple.fr`,
    },
  });
  const proposal = await call(request, 'post', '/documents', {
    engagementId: engagement.id,
    kind: 'proposal',
    paymentTerms: 'Prélèvement le 5 de chaque mois.',
    lines: [{ serviceId: service?.id, quantity: 1 }],
  });
  await call(request, 'post', `/documents/${proposal.id}/send`, { version: proposal.version });
  await call(request, 'post', `/documents/${proposal.id}/signatures`, { side: 'client' });
  const letterId = (await call(request, 'get', `/documents/${proposal.id}`)).createdLetterId as string;
  const letter = (await call(request, 'get', `/documents/${letterId}`)).document;
  await call(request, 'post', `/documents/${letterId}/send`, { version: letter.version });
  await call(request, 'post', `/documents/${letterId}/signatures`, { side: 'client' });
  await call(request, 'post', `/documents/${letterId}/signatures`, { side: 'firm' });
};

const campaignStatus = async (request: APIRequestContext, id: string) =>
  (await call(request, 'get', `/campaigns/${id}`)).status as string;

/**
 * Three clients of the associé's, and a campaign of their renewals whose letters are generated and
 * sent: each waits for the client's signature and the firm's.
 */
const aSentCampaign = async (browser: Browser, baseURL: string, month: string) => {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await logIn(page, 'associe');
  const tag = Date.now().toString(36);
  const clients = ['Alpha', 'Bravo', 'Charlie'].map((name) => `Imprimerie ${name} ${tag}`);
  for (const name of clients) await aClientInForce(page.request, { name, month });
  const today = parisToday();
  const name = `Signature du cabinet ${tag}`;
  const created = await call(page.request, 'post', '/campaigns', {
    name,
    settings: {
      selection: { fiscalYearEndMonths: [Number(month)] },
      revaluation: { method: 'coefficient', coefficient: '1,02' },
      effectiveDate: `${Number(today.slice(0, 4)) + 1}-01-01`,
      validUntil: addDays(today, 30),
    },
  });
  const id = created.id as string;
  await call(page.request, 'post', `/campaigns/${id}/generate`);
  await expect.poll(() => campaignStatus(page.request, id), { timeout: 30_000 }).toBe('generated');
  await call(page.request, 'post', `/campaigns/${id}/send`);
  await expect
    .poll(() => campaignStatus(page.request, id), { timeout: 30_000 })
    .toMatch(/^(sent|completed)$/);
  const items = (await call(page.request, 'get', `/campaigns/${id}/items?status=sent&pageSize=50`)).items as {
    documentNumber: string;
  }[];
  await context.close();
  return { id, name, clients, numbers: items.map((item) => item.documentNumber) };
};

test.describe.configure({ mode: 'serial' });

let campaign: Awaited<ReturnType<typeof aSentCampaign>>;

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(60_000);
  // A retry selects the clients it makes itself, not those a failed attempt left.
  campaign = await aSentCampaign(
    browser,
    String(testInfo.project.use.baseURL),
    ['06', '07'][testInfo.retry] ?? '08',
  );
  expect(campaign.numbers).toHaveLength(3);
});

/** A collaborateur follows the campaign, but signs nothing for the firm: no button. */
test('a collaborateur does not see « Signer les lettres pour le cabinet »', async ({ page }) => {
  await logIn(page, 'collaborateur');
  await page.goto(`/campagnes/${campaign.id}`);
  await expect(page.getByRole('heading', { name: campaign.name, level: 2 })).toBeVisible();
  await expect(page.getByTestId('follow-sent')).toHaveText('3');
  await expect(page.getByRole('button', { name: /^Signer les lettres pour le cabinet/ })).toHaveCount(0);
  await expect(page.getByTestId('campaign-firm-signature')).toHaveCount(0);
});

/**
 * Issue 18: the associé signs the campaign's three letters for the firm in one action, after a
 * confirmation that counts them; each letter then shows the firm's signature, and « À signer par
 * moi » no longer lists them.
 */
test('an associé signs a campaign’s letters for the firm in one action', async ({ page }, testInfo) => {
  await logIn(page, 'associe');
  const toSign = page.getByTestId('to-sign');
  for (const number of campaign.numbers)
    await expect(toSign.getByTestId('to-sign-item').filter({ hasText: number })).toBeVisible();

  await page.goto(`/campagnes/${campaign.id}`);
  await expect(page.getByRole('heading', { name: campaign.name, level: 2 })).toBeVisible();
  const signAll = page.getByRole('button', { name: 'Signer les lettres pour le cabinet (3)' });
  await expect(signAll).toBeVisible();
  await snapshot(page, '01-campaign-to-sign', testInfo);

  await signAll.click();
  const confirm = page.getByRole('dialog', { name: 'Signer les lettres pour le cabinet' });
  await expect(confirm).toContainText('qui attendent la signature du cabinet : 3');
  await snapshot(page, '02-confirm', testInfo);
  await confirm.getByRole('button', { name: 'Signer (3)' }).click();
  await expect(confirm).toBeHidden({ timeout: 30_000 });

  const status = page.getByTestId('campaign-firm-signature').getByRole('status');
  await expect(status).toHaveText('Lettres signées pour le cabinet : 3.');
  await expect(status.getByRole('listitem')).toHaveCount(0);
  // Nothing left to sign: the button goes, the status stays.
  await expect(page.getByRole('button', { name: /^Signer les lettres pour le cabinet/ })).toHaveCount(0);
  await snapshot(page, '03-signed', testInfo);

  // A letter of the campaign shows the firm's signature, by the associé.
  await page.getByTestId('items-sent').getByRole('link', { name: campaign.numbers[0] }).click();
  await expect(page.getByRole('heading', { name: /Lettre de mission substitutive/, level: 2 })).toBeVisible();
  await expect(page.getByTestId('signature-firm')).toContainText('Signé par Claire Dupré');
  await snapshot(page, '04-letter-signed', testInfo);

  // « À signer par moi » no longer lists them; the page opened again offers nothing to sign.
  await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(toSign).toBeVisible();
  for (const number of campaign.numbers)
    await expect(toSign.getByTestId('to-sign-item').filter({ hasText: number })).toHaveCount(0);
  await page.goto(`/campagnes/${campaign.id}`);
  await expect(page.getByRole('heading', { name: campaign.name, level: 2 })).toBeVisible();
  await expect(page.getByTestId('follow-sent')).toBeVisible();
  await expect(page.getByTestId('campaign-firm-signature')).toHaveCount(0);
});
