import { expect, type Page, test } from '@playwright/test';
import { addDays, aSiren, frenchDate, logIn, parisToday, snapshot } from './support.ts';

const SETTINGS = '/api/v1/vigilance/settings';
const aPdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
});

/** The demo firm keeps the gate off (its story predates it): the journey turns it on, then off again. */
const setGate = async (page: Page, on: boolean) => {
  const current = await (await page.request.get(SETTINGS)).json();
  const answer = await page.request.put(SETTINGS, {
    data: { controlsEnabled: on, periods: current.periods },
  });
  expect(answer.status()).toBe(200);
};

/** Mantine's file input opens the browser's chooser: the file is given there, as a user would. */
const chooseFile = async (page: Page, name: string) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Fichier (PDF, PNG ou JPEG)' }).click();
  await (await chooser).setFiles(aPdf(name));
};

const createProspect = async (page: Page, company: string) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Affaires' }).click();
  await page.getByRole('button', { name: 'Nouvelle affaire prospect' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Raison sociale').fill(company);
  await dialog.getByLabel('SIREN').fill(aSiren());
  await dialog.getByLabel('Forme juridique').fill('SAS');
  await dialog.getByLabel('Adresse', { exact: true }).fill('3 place Bellecour');
  await dialog.getByLabel('Code postal').fill('69002');
  await dialog.getByLabel('Ville').fill('Lyon');
  await dialog.getByLabel('Activité').fill('Conseil en gestion');
  await dialog.getByLabel('Prénom').fill('Inès');
  await dialog.getByLabel('Nom', { exact: true }).fill('Garnier');
  await dialog.getByLabel('E-mail').fill(`ines.garnier.${Date.now().toString(36)}@exemple.fr`);
  await dialog.getByLabel('Qualité').fill('Présidente');
  await dialog.getByRole('button', { name: 'Créer l’affaire' }).click();
  await expect(page.getByRole('heading', { name: company, level: 2 })).toBeVisible();
};

/** R-F1: the representative born somewhere, no owner over 25 %, the three documents checked. */
const identify = async (page: Page) => {
  const rep = page.getByRole('group', { name: 'Représentant légal 1' });
  await expect(rep.getByLabel('Nom', { exact: true })).toHaveValue('Garnier');
  await rep.getByLabel('Date de naissance').fill('15/03/1980');
  await rep.getByLabel('Lieu de naissance').fill('Lyon');
  await page.getByLabel('Aucun bénéficiaire ne détient plus de 25 %').check();
  await page.getByRole('button', { name: 'Enregistrer l’identification' }).click();
  const blockers = page.getByTestId('vigilance-blockers');
  await expect(blockers).toContainText('Extrait Kbis non déposé ou non vérifié');
  await expect(blockers).not.toContainText('date de naissance');

  const upload = async (kind: string, file: string) => {
    await page.getByRole('combobox', { name: 'Type de justificatif' }).click();
    await page.getByRole('option', { name: kind, exact: true }).click();
    await chooseFile(page, file);
    await page.getByRole('button', { name: 'Déposer le justificatif vérifié' }).click();
    await expect(page.getByTestId('evidence-list')).toContainText(file);
  };
  await upload('Extrait Kbis', 'kbis.pdf');
  await upload('Extrait du registre des bénéficiaires effectifs', 'rbe.pdf');
  await page.getByRole('combobox', { name: 'Type de justificatif' }).click();
  await page.getByRole('option', { name: 'Pièce d’identité' }).click();
  await page.getByRole('combobox', { name: 'Personne' }).click();
  await page.getByRole('option', { name: 'Inès Garnier' }).click();
  await page.getByLabel('Numéro de la pièce').fill('19AB12345');
  await page.getByLabel('Date d’expiration').fill(frenchDate(addDays(parisToday(), 3 * 365)));
  // Leaving the field commits the typed date and closes its calendar, which would cover the file button.
  await page.keyboard.press('Tab');
  await chooseFile(page, 'identite.pdf');
  await page.getByRole('button', { name: 'Déposer le justificatif vérifié' }).click();
  await expect(page.getByTestId('evidence-list')).toContainText('identite.pdf');
};

/** R-F2, R-F3: four reasoned criteria, a politically exposed client: enhanced, approved by the associé. */
const assess = async (page: Page) => {
  for (const criterion of ['Client', 'Activité', 'Localisation', 'Missions']) {
    const group = page.getByRole('group', { name: criterion, exact: true });
    await group.getByLabel('Motif').fill(`${criterion} : rien d’inhabituel.`);
  }
  await page.getByLabel('Personne politiquement exposée').check();
  await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByTestId('vigilance-level')).toHaveText('Vigilance renforcée');
  await expect(page.getByTestId('vigilance-blockers')).toBeVisible();
  await page.getByLabel('Origine des fonds').fill('Revenus professionnels déclarés.');
  await page.getByRole('button', { name: 'Approuver le dossier' }).click();
  await expect(page.getByTestId('vigilance-complete')).toBeVisible();
};

// Off again whatever happens (a hook has its own time, even after a test's timeout): the journeys
// after this one expect the demo firm as seeded.
test.afterEach(async ({ page }) => {
  await setGate(page, false);
});

test('the gate lists what the LCB-FT file lacks, and empties once it is filled in', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await logIn(page, 'associe');
  // The dashboard's LCB-FT card: reviews due and matches to clear, readable by the associé.
  await expect(page.getByTestId('vigilance-matches')).toHaveText(/^\d+$/);
  await setGate(page, true);
  const company = `Garnier Conseil ${Date.now().toString(36)}`;
  await createProspect(page, company);
  await page.getByRole('button', { name: 'Nouveau document' }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Lettre de mission' }).click();
  await expect(page.getByRole('heading', { name: 'Lettre de mission', level: 2 })).toBeVisible();
  const letterUrl = page.url();
  const gate = page.getByTestId('vigilance-gate');
  await expect(gate).toContainText('Avant l’envoi');
  await expect(gate).toContainText('Dossier d’identification LCB-FT non commencé');
  await snapshot(page, '01-gate-list', testInfo);

  await page.getByRole('link', { name: company }).click();
  await page.getByRole('tab', { name: 'Vigilance LCB-FT' }).click();
  await identify(page);
  await assess(page);
  await snapshot(page, '02-file-complete', testInfo);

  await page.goto(letterUrl);
  await expect(gate).toContainText('Le dossier LCB-FT du client est complet.');
  await expect(gate.getByRole('listitem')).toHaveCount(0);
});
