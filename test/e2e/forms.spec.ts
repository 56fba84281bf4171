import { expect, type Page, test } from '@playwright/test';
import { aSiren, DEMO, snapshot } from './support.ts';

/**
 * Forms that help (issue 18, items 3, 4, 10 and 11): the prospect form refuses what the server would
 * (all at once, nothing dropped), a private person is a choice, the engagement can be renamed, the
 * line editor says its errors in euros on the right field at 1440 px, a create whose answer was
 * lost is not made twice, and a normal load has no failed request.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const unique = () => Date.now().toString(36);

/** support.ts's logIn, with room for the first page of a cold server on a loaded machine. */
const logIn = async (page: Page, who: keyof typeof DEMO) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/, { timeout: 30_000 });
  await page.getByLabel('Adresse e-mail').fill(DEMO[who].email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(DEMO[who].password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeVisible({
    timeout: 30_000,
  });
};

const openNewProspect = async (page: Page) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page.getByRole('button', { name: 'Nouvelle affaire prospect' }).click();
  return page.getByRole('dialog');
};

test('the prospect form refuses a bad e-mail, a bad postcode and a nameless signatory, all at once', async ({
  page,
}, testInfo) => {
  const company = `Garage des Formulaires ${unique()}`;
  await logIn(page, 'associe');
  const creates: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/engagements'))
      creates.push(request.url());
  });
  const dialog = await openNewProspect(page);
  await dialog.getByLabel('Raison sociale').fill(company);
  await dialog.getByLabel('SIREN').fill(aSiren());
  await dialog.getByLabel('Code postal').fill('6900');
  // The signatory's e-mail without a name: refused, never dropped.
  await dialog.getByLabel('E-mail').fill('pas-un-email');
  await dialog.getByRole('button', { name: 'Créer l’affaire' }).click();

  await expect(dialog.getByText(/Code postal invalide\s:\s5 chiffres/)).toBeVisible();
  await expect(dialog.getByText(/Adresse e-mail invalide/)).toBeVisible();
  await expect(dialog.getByText('Indiquez le prénom.')).toBeVisible();
  await expect(dialog.getByText('Indiquez le nom.')).toBeVisible();
  await expect(dialog.getByLabel('Code postal')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/4 à revoir/)).toBeVisible();
  await snapshot(page, '01-prospect-errors', testInfo);
  expect(creates).toEqual([]);

  await dialog.getByLabel('Code postal').fill('69001');
  await dialog.getByLabel('E-mail').fill('anne.garnier@example.fr');
  await dialog.getByLabel('Prénom').fill('Anne');
  await dialog.getByLabel('Nom', { exact: true }).fill('Garnier');
  await expect(dialog.getByText(/à revoir/)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Créer l’affaire' }).click();
  await expect(page.getByRole('heading', { name: company, level: 2 })).toBeVisible();
  // The signatory came with the prospect, e-mail included.
  await expect(page.getByText('anne.garnier@example.fr')).toBeVisible();

  // The engagement is renamed from its header.
  await page.getByRole('button', { name: 'Renommer l’affaire' }).click();
  const rename = page.getByRole('dialog', { name: 'Renommer l’affaire' });
  await rename.getByLabel('Nom de l’affaire').fill('Mission 2027');
  await rename.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Mission 2027');
  await snapshot(page, '02-prospect-renamed', testInfo);

  // A contact with an e-mail but no name is refused by the contact form too.
  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  const contact = page.getByRole('dialog', { name: 'Ajouter un contact' });
  await contact.getByLabel('E-mail').fill('comptable@example.fr');
  await contact.getByRole('button', { name: 'Ajouter un contact' }).click();
  await expect(contact.getByText('Indiquez le prénom.')).toBeVisible();
  await expect(contact.getByText('Indiquez le nom.')).toBeVisible();
});

test('a private person is created without SIREN, once, even when the answer is lost on the way', async ({
  page,
}, testInfo) => {
  const person = `Madame Jeanne Petit ${unique()}`;
  await logIn(page, 'collaborateur');
  // The first answer to the create is lost (the server made it, the browser never hears): the app
  // sends the same submission again with the same Idempotency-Key, and the server answers it once.
  const keys: string[] = [];
  let lost = false;
  await page.route('**/api/v1/engagements', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    keys.push((await route.request().headerValue('idempotency-key')) ?? '');
    if (lost) return route.fallback();
    lost = true;
    await route.fetch();
    return route.abort('failed');
  });
  const dialog = await openNewProspect(page);
  await dialog.getByText('Particulier', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Particulier' })).toBeChecked();
  await expect(dialog.getByLabel('SIREN')).toHaveCount(0);
  await expect(dialog.getByLabel('Forme juridique')).toHaveCount(0);
  await dialog.getByLabel('Nom du client').fill(person);
  await dialog.getByLabel('Adresse', { exact: true }).fill('3 place Bellecour');
  await dialog.getByLabel('Code postal').fill('69002');
  await dialog.getByLabel('Ville').fill('Lyon');
  await dialog.getByLabel('Prénom').fill('Jeanne');
  await dialog.getByLabel('Nom', { exact: true }).fill('Petit');
  await snapshot(page, '03-particulier', testInfo);
  await dialog.getByRole('button', { name: 'Créer l’affaire' }).click();
  await expect(page.getByRole('heading', { name: person, level: 2 })).toBeVisible();
  await expect(page.getByTestId('company-identity')).toHaveText('Particulier');

  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[1]).toBe(keys[0]);
  const found = await page.request.get(`/api/v1/engagements?search=${encodeURIComponent(person)}`);
  expect((await found.json()).total).toBe(1);
});

/** The free width of a field for its text: what is typed or chosen fits, nothing is cut. */
const fits = (page: Page, label: string) =>
  page.getByLabel(label).evaluate((element) => {
    const field = element as HTMLInputElement | HTMLSelectElement;
    const text = field instanceof HTMLSelectElement ? (field.selectedOptions[0]?.text ?? '') : field.value;
    const style = getComputedStyle(field);
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room =
      field.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    return { text, fits: context.measureText(text).width <= room };
  });

test('the line editor at 1440 px: nothing cut, prices in French, errors in euros on the price', async ({
  page,
}, testInfo) => {
  await logIn(page, 'associe');
  const created = await page.request.post('/api/v1/engagements', {
    data: { company: { name: `Atelier des Lignes ${unique()}`, siren: aSiren() } },
  });
  expect(created.status()).toBe(201);
  const engagement = await created.json();
  await page.goto(`/engagements/${engagement.id}`);
  await page.getByRole('button', { name: 'Nouveau document' }).click();
  await page.getByRole('menuitem', { name: 'Offre de service' }).click();
  await expect(page.getByRole('heading', { name: /Offre de service/, level: 2 })).toBeVisible();

  // The picker says each service's price, domain and recurrence, and empties after a pick.
  const catalogue = page.getByRole('combobox', { name: 'Ajouter une mission du catalogue' });
  await catalogue.click();
  await catalogue.fill('Tenue');
  const option = page.getByRole('option', { name: /Tenue de la comptabilité/ });
  await expect(option).toContainText(/190,00\s€/);
  await expect(option).toContainText('Comptable');
  await expect(option).toContainText('Mensuelle');
  await snapshot(page, '04-picker', testInfo);
  await option.click();
  await expect(catalogue).toHaveValue('');
  await expect(page.getByLabel('Libellé, ligne 1')).toHaveValue(/Tenue de la comptabilité/);

  await page.getByLabel('Prix unitaire, ligne 1').fill('12500,5');
  await page.getByLabel('Prix unitaire, ligne 1').press('Tab');
  await expect(page.getByLabel('Prix unitaire, ligne 1')).toHaveValue(/^12\s500,50$/);
  await page.getByLabel('Récurrence, ligne 1').selectOption('quarterly');
  for (const label of ['Prix unitaire, ligne 1', 'Récurrence, ligne 1', 'Quantité, ligne 1', 'TVA, ligne 1'])
    expect(await fits(page, label), label).toMatchObject({ fits: true });
  await page.getByLabel('Récurrence, ligne 1').selectOption('monthly');
  expect(await fits(page, 'Récurrence, ligne 1')).toEqual({ text: 'Mensuelle', fits: true });

  // An unreadable price: said on the price, in euros; the quantity is not blamed; nothing counted.
  await page.getByLabel('Prix unitaire, ligne 1').fill('12x');
  await expect(page.getByLabel('Prix unitaire, ligne 1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Montant illisible\s:\sen euros/)).toBeVisible();
  await expect(page.getByLabel('Quantité, ligne 1')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('total-ht')).toHaveText(/^0,00\s€$/);
  await expect(page.getByTestId('lines-uncounted')).toBeVisible();
  // Saved anyway, the API's refusal lands on the same field, in euros, not on the quantity.
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText(/centimes/)).toHaveCount(0);
  await expect(page.getByLabel('Quantité, ligne 1')).not.toHaveAttribute('aria-invalid', 'true');
  await snapshot(page, '05-line-errors', testInfo);
});

test('a normal load, signed out then in, has no failed request', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400)
      failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // A request the page itself dropped on leaving it (an aborted stream) is no failure of the server.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    failures.push(`failed ${request.method()} ${request.url()} ${request.failure()?.errorText}`);
  });
  const openApi: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/openapi.json') openApi.push(request.url());
  });

  await page.goto('/engagements');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Adresse e-mail').fill(DEMO.associe.email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(DEMO.associe.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Affaires', level: 2 })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const created = await page.request.post('/api/v1/engagements', {
    data: { company: { name: `Chargement Sans Erreur ${unique()}`, siren: aSiren() } },
  });
  const engagement = await created.json();
  const draft = await page.request.post('/api/v1/documents', {
    data: { engagementId: engagement.id, kind: 'proposal' },
  });
  const doc = await draft.json();
  await page.goto(`/engagements/${engagement.id}`);
  await expect(
    page.getByRole('heading', { name: engagement.company?.name ?? /Chargement/, level: 2 }),
  ).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.goto(`/documents/${doc.id}`);
  await expect(page.getByRole('heading', { name: /Offre de service/, level: 2 })).toBeVisible();
  await expect(page.getByLabel('Modalités de paiement')).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(failures).toEqual([]);
  // The app never downloads the API's description (some hundreds of kilobytes) to draw its pages.
  expect(openApi).toEqual([]);
  await context.close();
});
