import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn, signingLinkOf, snapshot } from './support.ts';

/**
 * Issue 18, item 9: no critical or serious axe-core violation (WCAG 2.1 A and AA) on any page of the
 * app, at 1440 px and, for the pages used on the go, at 390 px. Each page is checked once its main
 * content shows and its requests ended; the counts of every page go to a11y.json in Playwright's
 * output folder (test-results/e2e, emptied at each run), and with LETTRINE_SCREENSHOTS=1 each page is
 * kept as a screenshot beside the test's artifacts.
 */

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

type Made = 'campaign' | 'sent';

/** The demo's data the pages need, read through the API; a draft campaign and a sent copy of a proposal made there. */
const demo = async (page: Page, make: Made[]) =>
  page.evaluate(async (make) => {
    const get = async (path: string) => {
      const response = await fetch(`/api/v1${path}`);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.json();
    };
    const post = async (path: string, body?: unknown) => {
      const response = await fetch(`/api/v1${path}`, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'idempotency-key': crypto.randomUUID(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const engagement = (await get('/engagements?state=client&search=Boulangerie%20Martin')).items[0]
      .id as string;
    const letter = (await get(`/documents?engagementId=${engagement}&kind=engagement_letter`)).items[0]
      .id as string;
    const draft = (await get('/documents?kind=proposal&status=draft')).items[0].id as string;
    let sent = '';
    if (make.includes('sent')) {
      // A copy of Nuageo's sent proposal, sent: its signing request waits in the outbox.
      const nuageo = (await get('/engagements?search=Nuageo')).items[0].id as string;
      const proposal = (await get(`/documents?engagementId=${nuageo}&kind=proposal&status=sent`)).items[0];
      const copy = await post(`/documents/${proposal.id}/duplicate`);
      sent = (await post(`/documents/${copy.id}/send`)).id as string;
    }
    let campaign = '';
    if (make.includes('campaign'))
      campaign = (
        await post('/campaigns', {
          name: `Accessibilité ${Date.now()}`,
          settings: {
            revaluation: { method: 'index', referenceIndex: '318,4', newIndex: '327,3' },
            effectiveDate: '2028-01-01',
            validUntil: '2027-12-31',
          },
        })
      ).id as string;
    return { engagement, letter, draft, sent, campaign };
  }, make);

/** The personal link of a sent document's signing request, from the outbox (a job writes its mail). */
const signingLinkFor = async (page: Page, documentId: string) => {
  let link = '';
  await expect
    .poll(
      async () => {
        const mails = await (
          await page.request.get(`/api/v1/mails?documentId=${documentId}&pageSize=100`)
        ).json();
        const request = (mails.items as { id: string; kind: string }[]).find(
          (mail) => mail.kind === 'signature_request',
        );
        if (request)
          link = signingLinkOf(await (await page.request.get(`/api/v1/mails/${request.id}`)).json());
        return link;
      },
      { timeout: 20_000 },
    )
    .not.toBe('');
  return link;
};

/** Opens a page, waits for what shows it loaded and for its requests, then checks it (and keeps it). */
const check = async (
  page: Page,
  testInfo: { outputPath: (name: string) => string },
  label: string,
  open: string | (() => Promise<void>),
  shown: (page: Page) => Locator,
) => {
  if (typeof open === 'string') await page.goto(open);
  else await open();
  await expect(shown(page).first()).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, label);
  await snapshot(page, label.replace(/[^\w-]+/g, '-'), testInfo);
};

const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { name, level: 2 });

test('the public pages: login, forgotten password, verification', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await check(page, testInfo, 'login', '/login', (p) => p.getByRole('button', { name: 'Se connecter' }));
  await check(page, testInfo, 'forgot-password', '/mot-de-passe-oublie', (p) =>
    p.getByRole('heading', { name: 'Mot de passe oublié' }),
  );
  await check(page, testInfo, 'verification', '/verifier', (p) => p.getByRole('heading', { level: 1 }));
  await page.setViewportSize(PHONE);
  await check(page, testInfo, 'phone-login', '/login', (p) =>
    p.getByRole('button', { name: 'Se connecter' }),
  );
});

test('every page of the firm at 1440 px', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  await page.setViewportSize(DESKTOP);
  await logIn(page, 'associe');
  const ids = await demo(page, ['campaign']);
  await check(page, testInfo, 'dashboard', '/', heading('Tableau de bord'));
  await check(page, testInfo, 'engagements', '/engagements', (p) =>
    p.getByRole('link', { name: 'Boulangerie Martin' }),
  );
  await check(page, testInfo, 'engagement', `/engagements/${ids.engagement}`, (p) =>
    p.getByTestId('scope-annual'),
  );
  await check(
    page,
    testInfo,
    'engagement-vigilance-tab',
    () => page.getByRole('tab', { name: 'Vigilance LCB-FT' }).click(),
    (p) => p.getByRole('tabpanel'),
  );
  await check(page, testInfo, 'document', `/documents/${ids.letter}`, (p) => p.getByTestId('total-ttc'));
  await check(page, testInfo, 'editor', `/documents/${ids.draft}`, (p) =>
    p.getByRole('combobox', { name: 'Ajouter une mission du catalogue' }),
  );
  await check(page, testInfo, 'campaigns', '/campagnes', heading('Campagnes de renouvellement'));
  await check(page, testInfo, 'campaign-new', '/campagnes/nouvelle', (p) =>
    p.getByLabel('Nom de la campagne'),
  );
  await check(page, testInfo, 'campaign', `/campagnes/${ids.campaign}`, heading(/^Accessibilité/));
  await check(page, testInfo, 'renewals', '/renouvellements', heading('Renouvellements'));
  await check(page, testInfo, 'catalogue', '/catalogue', (p) => p.getByText('Tenue de la comptabilité'));
  await check(page, testInfo, 'terms', '/terms', heading('Conditions générales'));
  await check(page, testInfo, 'firm', '/firm', heading('Cabinet'));
  await check(page, testInfo, 'users', '/users', (p) => p.getByText('Léa Bernard'));
  await check(page, testInfo, 'webhooks', '/webhooks', heading('Webhooks'));
  await check(page, testInfo, 'mails', '/courriels', heading('Courriels'));
  await check(page, testInfo, 'schedule', '/echeancier', heading('Échéancier'));
  await check(page, testInfo, 'fees', '/honoraires', heading('Honoraires'));
  await check(page, testInfo, 'vigilance-reviews', '/vigilance/revues', (p) =>
    p.getByRole('heading', { level: 2 }),
  );
  await check(page, testInfo, 'vigilance-matches', '/vigilance/correspondances', (p) =>
    p.getByRole('heading', { level: 2 }),
  );
});

test('on a phone, and the client’s signing page of a sent proposal', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(480_000);
  await page.setViewportSize(PHONE);
  await logIn(page, 'associe');
  const ids = await demo(page, ['sent']);
  await check(page, testInfo, 'phone-dashboard', '/', heading('Tableau de bord'));
  await check(page, testInfo, 'phone-engagement', `/engagements/${ids.engagement}`, (p) =>
    p.getByTestId('scope-annual'),
  );
  await check(page, testInfo, 'phone-document', `/documents/${ids.letter}`, (p) =>
    p.getByTestId('total-ttc'),
  );
  await check(page, testInfo, 'phone-editor', `/documents/${ids.draft}`, (p) =>
    p.getByRole('combobox', { name: 'Ajouter une mission du catalogue' }),
  );

  // The client's signing page, in a browser of its own (no session of the firm), desktop and phone.
  const link = await signingLinkFor(page, ids.sent);
  const signer = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const signing = await signer.newPage();
  await signing.setViewportSize(DESKTOP);
  await check(signing, testInfo, 'signing', link, (p) => p.getByTestId('firm-name'));
  await signing.setViewportSize(PHONE);
  await check(signing, testInfo, 'phone-signing', link, (p) => p.getByTestId('firm-name'));
  await signer.close();
});
