import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  addDays,
  aSiren,
  fillPaymentTermsIfEmpty,
  frenchDate,
  logIn,
  parisToday,
  pickFromCatalogue,
  sendThroughDialog,
  snapshot,
} from './support.ts';

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

type Signatory = { firstName: string; lastName: string };
const INES: Signatory = { firstName: 'Inès', lastName: 'Garnier' };

const createProspect = async (page: Page, company: string, signatory: Signatory = INES) => {
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
  await dialog.getByLabel('Prénom').fill(signatory.firstName);
  await dialog.getByLabel('Nom', { exact: true }).fill(signatory.lastName);
  await dialog.getByLabel('E-mail').fill(`signataire.${Date.now().toString(36)}@exemple.fr`);
  await dialog.getByLabel('Qualité').fill('Présidente');
  await dialog.getByRole('button', { name: 'Créer l’affaire' }).click();
  await expect(page.getByRole('heading', { name: company, level: 2 })).toBeVisible();
};

/**
 * R-F1: the representative born somewhere, no owner over 25 %, the three documents checked (the
 * Kbis, when `checkLater`, uploaded unchecked, then marked checked).
 */
const identify = async (
  page: Page,
  { signatory = INES, birthDate = '15/03/1980', checkLater = false } = {},
) => {
  const rep = page.getByRole('group', { name: 'Représentant légal 1' });
  await expect(rep.getByLabel('Nom', { exact: true })).toHaveValue(signatory.lastName);
  await rep.getByLabel('Date de naissance').fill(birthDate);
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
  if (checkLater) {
    await page.getByLabel('J’ai vérifié l’original').uncheck();
    await page.getByRole('combobox', { name: 'Type de justificatif' }).click();
    await page.getByRole('option', { name: 'Extrait Kbis', exact: true }).click();
    await chooseFile(page, 'kbis.pdf');
    await page.getByRole('button', { name: 'Déposer le justificatif', exact: true }).click();
    const kbis = page.getByRole('group', { name: 'Extrait Kbis : kbis.pdf' });
    await expect(kbis).toContainText('Pas encore vérifié');
    await expect(kbis.getByTestId('evidence-sha256')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('vigilance-blockers')).toContainText('Extrait Kbis');
    await kbis.getByRole('button', { name: 'Marquer vérifié : kbis.pdf' }).click();
    await expect(kbis).toContainText('Vérifié par');
    await page.getByLabel('J’ai vérifié l’original').check();
  } else {
    await upload('Extrait Kbis', 'kbis.pdf');
  }
  await upload('Extrait du registre des bénéficiaires effectifs', 'rbe.pdf');
  await page.getByRole('combobox', { name: 'Type de justificatif' }).click();
  await page.getByRole('option', { name: 'Pièce d’identité' }).click();
  await page.getByRole('combobox', { name: 'Personne' }).click();
  await page.getByRole('option', { name: `${signatory.firstName} ${signatory.lastName}` }).click();
  await page.getByLabel('Numéro de la pièce').fill('19AB12345');
  await page.getByLabel('Date d’expiration').fill(frenchDate(addDays(parisToday(), 3 * 365)));
  // Leaving the field commits the typed date and closes its calendar, which would cover the file button.
  await page.keyboard.press('Tab');
  await chooseFile(page, 'identite.pdf');
  await page.getByRole('button', { name: 'Déposer le justificatif vérifié' }).click();
  await expect(page.getByTestId('evidence-list')).toContainText('identite.pdf');
};

/** R-F2: four reasoned low criteria, nothing that forces more: simplified vigilance, no approval. */
const assessLow = async (page: Page) => {
  for (const criterion of ['Client', 'Activité', 'Localisation', 'Missions']) {
    const group = page.getByRole('group', { name: criterion, exact: true });
    await group.getByLabel('Motif').fill(`${criterion} : rien d’inhabituel.`);
  }
  await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByTestId('vigilance-level')).toHaveText('Vigilance simplifiée');
  await expect(page.getByTestId('vigilance-levels')).toContainText('Niveau calculé : Vigilance simplifiée');
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
  // Who approved, and when (R-F3).
  await expect(page.getByTestId('vigilance-approval')).toContainText(
    /Approuvé par .+ le \d{2}\/\d{2}\/\d{4}/,
  );
};

/** R-F4: the firm's review periods (months by vigilance level), set as an associé would. */
type Periods = { enhanced: number; standard: number; simplified: number };
const setPeriods = async (page: Page, periods: Partial<Periods>) => {
  const current = await (await page.request.get(SETTINGS)).json();
  const answer = await page.request.put(SETTINGS, {
    data: { controlsEnabled: current.controlsEnabled, periods: { ...current.periods, ...periods } },
  });
  expect(answer.status()).toBe(200);
  return current.periods as Periods;
};
let seededPeriods: Periods | null = null;

// Off again whatever happens (a hook has its own time, even after a test's timeout): the journeys
// after this one expect the demo firm as seeded.
test.afterEach(async ({ page }) => {
  if (seededPeriods) await setPeriods(page, seededPeriods);
  seededPeriods = null;
  await setGate(page, false);
});

test('the gate lists what the LCB-FT file lacks, empties once it is filled in, and the letter goes out', async ({
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

  // The gate open, the letter goes out: a service from the catalogue, then the send dialog.
  await pickFromCatalogue(page, 'Tenue', /Tenue de la comptabilité/);
  await fillPaymentTermsIfEmpty(page);
  await sendThroughDialog(page);
  await expect(page.getByRole('heading', { name: /Lettre de mission LM-\d{4}-\d{4}/ })).toBeVisible();
  await snapshot(page, '03-letter-sent', testInfo);
});

/** A representative named as the register's entry 4102 (« DUPONT-MOREAU Jean-Étienne », born 1965), order and hyphens aside. */
const LISTED: Signatory = { firstName: 'Jean Etienne', lastName: 'Dupont Moreau' };

test('a screening match blocks the letter until the associé clears it with a reason; the review recorded', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  await logIn(page, 'associe');
  await setGate(page, true);

  // R-F5: the associé imports the Treasury's register from the « Correspondances à lever » page.
  await page.getByRole('link', { name: 'Correspondances à lever (gels d’avoirs)' }).click();
  await expect(page.getByRole('heading', { name: 'Correspondances à lever', level: 2 })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Registre (JSON de la DG Trésor)' }).click();
  await (await chooser).setFiles(join(process.cwd(), 'test/fixtures/gels-avoirs-extrait.json'));
  await page.getByRole('button', { name: 'Importer le registre' }).click();
  const register = page.getByTestId('vigilance-register-state');
  await expect(register).toContainText('registre publié le 27/11/2026');
  // The files are screened against it (a job): the state says when it is done.
  await expect(register).not.toContainText('en cours', { timeout: 30_000 });

  // A review every month in simplified vigilance: the new file's first review falls within the month.
  const usual = await setPeriods(page, { simplified: 1 });
  seededPeriods = usual;

  const company = `Dupont Moreau Négoce ${Date.now().toString(36)}`;
  await createProspect(page, company, LISTED);
  await page.getByRole('button', { name: 'Nouveau document' }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Lettre de mission' }).click();
  await expect(page.getByRole('heading', { name: 'Lettre de mission', level: 2 })).toBeVisible();
  const letterUrl = page.url();

  await page.getByRole('link', { name: company }).click();
  await page.getByRole('tab', { name: 'Vigilance LCB-FT' }).click();
  await identify(page, { signatory: LISTED, birthDate: '05/05/1965', checkLater: true });
  await assessLow(page);
  // The representative is screened on saving: the possible match blocks the file.
  const blockers = page.getByTestId('vigilance-blockers');
  await expect(blockers).toContainText('Correspondance possible avec le registre des gels');
  const onTab = page.getByTestId('vigilance-match');
  await expect(onTab).toContainText('Jean Etienne Dupont Moreau');
  await expect(onTab).toContainText('Entrée n° 4102 du registre');
  await expect(onTab).toContainText('Date de naissance concordante');
  await expect(onTab).toContainText(/Similarité des noms\s:\s\d+/);
  await snapshot(page, '03-screening-match', testInfo);

  // From the dashboard's card to the list of matches to clear.
  const dashboard = page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' });
  await dashboard.click();
  await expect(page.getByTestId('vigilance-matches')).not.toHaveText('0');
  await page.getByRole('link', { name: 'Correspondances à lever (gels d’avoirs)' }).click();
  const match = page.getByTestId('vigilance-match').filter({ hasText: company });
  await expect(match).toHaveCount(1);
  // The reason is mandatory.
  await match.getByRole('button', { name: 'Lever : pas la même personne' }).click();
  await expect(match).toContainText('Le motif est obligatoire.');
  await match
    .getByLabel('Motif de la décision')
    .fill('Homonyme : pièce d’identité vérifiée, né à Lyon le 05/05/1965, nationalité française.');
  await snapshot(page, '04-matches-to-clear', testInfo);
  await match.getByRole('button', { name: 'Lever : pas la même personne' }).click();
  await expect(match).toHaveCount(0);

  // R-F4: the review due within the month, from the dashboard's card to the file.
  await dashboard.click();
  await page.getByRole('link', { name: 'Revues à faire' }).click();
  await expect(page.getByRole('heading', { name: 'Revues LCB-FT', level: 2 })).toBeVisible();
  const due = page.getByTestId('vigilance-reviews').getByRole('row').filter({ hasText: company });
  await expect(due).toContainText('Revue périodique');
  await expect(due).toContainText('À faire');
  await snapshot(page, '05-reviews-due', testInfo);
  await due.getByRole('link', { name: company }).click();
  await expect(page.getByRole('tab', { name: 'Vigilance LCB-FT' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('vigilance-match')).toContainText('Levée');
  await expect(page.getByTestId('vigilance-match-decision')).toContainText('Homonyme');

  // The firm goes back to its usual periods; the review done sets the next one years away.
  await setPeriods(page, usual);
  await page.getByLabel('Note de revue').fill('Situation inchangée, identification à jour.');
  await page.getByRole('button', { name: 'Enregistrer la revue faite' }).click();
  const history = page.getByTestId('vigilance-history');
  await expect(history).toContainText('Revue faite ; prochaine revue le');
  await expect(history).toContainText('Correspondance levée : Jean Etienne Dupont Moreau');
  await expect(history).toContainText('Justificatif vérifié : kbis.pdf');
  await expect(history).toContainText('Évaluation du risque enregistrée : Vigilance simplifiée');
  await expect(page.getByTestId('vigilance-complete')).toBeVisible();
  await snapshot(page, '06-file-history', testInfo);

  await dashboard.click();
  await page.getByRole('link', { name: 'Revues à faire' }).click();
  await expect(page.getByRole('heading', { name: 'Revues LCB-FT', level: 2 })).toBeVisible();
  await expect(page.getByRole('link', { name: company })).toHaveCount(0);

  await page.goto(letterUrl);
  const gate = page.getByTestId('vigilance-gate');
  await expect(gate).toContainText('Le dossier LCB-FT du client est complet.');
  await expect(gate.getByRole('listitem')).toHaveCount(0);
});
