import { type APIRequestContext, expect, test } from '@playwright/test';
import { aSiren, fillPaymentTermsIfEmpty, logIn, sendThroughDialog, snapshot } from './support.ts';

type Json = Record<string, unknown>;

const call = async (request: APIRequestContext, method: 'get' | 'post', path: string, data?: Json) => {
  const res = await request[method](`/api/v1${path}`, data ? { data } : undefined);
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
  return res.json();
};

/**
 * A client of its own (no other journey reads it), its proposal of one priced recurring service
 * sent and signed on paper through the API: the engagement letter it creates (R-B2) is a draft.
 */
const aDraftLetter = async (request: APIRequestContext) => {
  const services = (await call(request, 'get', '/services?pageSize=100')).items as {
    id: string;
    isArchived?: boolean;
    priceCents: number;
    recurrence: string;
  }[];
  const service = services.find((s) => !s.isArchived && s.priceCents > 0 && s.recurrence === 'monthly');
  const tag = Date.now().toString(36);
  const engagement = await call(request, 'post', '/engagements', {
    company: {
      name: `Cave Trimestre ${tag}`,
      legalForm: 'SARL',
      siren: aSiren(),
      fiscalYearEnd: '12-31',
      activity: 'Caviste',
      addressLine1: '8 rue des Marronniers',
      postalCode: '69002',
      city: 'Lyon',
    },
    signatory: {
      firstName: 'Margaux',
      lastName: 'Petit',
      capacity: 'Gérante',
      email: `margaux.petit.${tag}@exemple.fr`,
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
  return (await call(request, 'get', `/documents/${proposal.id}`)).createdLetterId as string;
};

/**
 * R-G2: a letter is billed on its own period, chosen in its editor. Quarterly is saved, reads back
 * after a reload, and is what the sent letter's page states.
 */
test('a letter billed quarterly: chosen in the editor, kept, and stated once sent', async ({
  page,
}, testInfo) => {
  await logIn(page, 'collaborateur');
  const letterId = await aDraftLetter(page.request);
  await page.goto(`/documents/${letterId}`);
  await expect(page.getByRole('heading', { name: 'Lettre de mission', level: 2 })).toBeVisible();

  const period = page.getByLabel('Périodicité de facturation');
  // Monthly unless the letter says otherwise.
  await expect(period).toHaveValue('monthly');
  await period.selectOption({ label: 'Trimestrielle' });
  await expect(page.getByTestId('save-state')).toHaveText('Modifications non enregistrées');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText(/^Enregistré à \d{2}:\d{2}$/);
  await snapshot(page, '01-quarterly-saved', testInfo);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Lettre de mission', level: 2 })).toBeVisible();
  await expect(period).toHaveValue('quarterly');
  await expect(period.locator('option:checked')).toHaveText('Trimestrielle');

  await fillPaymentTermsIfEmpty(page);
  await sendThroughDialog(page);
  await expect(
    page.getByRole('heading', { name: /^Lettre de mission LM-\d{4}-\d{4}$/, level: 2 }),
  ).toBeVisible();
  // Sent, the letter is read-only: its summary states the period, the editor's select is gone.
  await expect(
    page.getByText(/Périodicité de facturation[\s\u00a0\u202f]:[\s\u00a0\u202f]Trimestrielle/),
  ).toBeVisible();
  await expect(page.getByLabel('Périodicité de facturation')).toHaveCount(0);
  await snapshot(page, '02-quarterly-sent', testInfo);
});
