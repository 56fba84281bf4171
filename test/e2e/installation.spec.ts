import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { aSiren, snapshot } from './support.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * A firm installs Lettrine: the first start of an empty installation prints a one-time link, whose
 * page « Créer votre cabinet » creates the firm and its associé; the associé then logs in. Its own
 * server, on an empty data folder with no demo.
 */
test('the setup link of an empty installation creates the firm, then its associé logs in', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const folder = mkdtempSync(join(tmpdir(), 'lettrine-installation-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...env } = process.env;
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, ['bin/lettrine.mjs', 'start'], {
      env: {
        ...env,
        DATA_DIR: folder,
        PORT: String(port),
        PUBLIC_URL: base,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    await expect.poll(() => output.match(/\/installation#\S+/)?.[0] ?? '', { timeout: 90_000 }).not.toBe('');
    const link = `${base}${output.match(/\/installation#\S+/)?.[0]}`;

    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Créer votre cabinet', level: 1 })).toBeVisible();
    await page.getByLabel('Nom du cabinet').fill('Cabinet Garnier Conseil');
    await page.getByLabel('SIREN').fill('123456788');
    await page.getByLabel('Ville').fill('Nantes');
    await page.getByLabel('Prénom et nom').fill('Sophie Garnier');
    await page.getByLabel('Adresse e-mail').fill('sophie.garnier@garnier-conseil.fr');
    await page.getByRole('textbox', { name: 'Nouveau mot de passe' }).fill('Erdre-et-Loire-44000');
    await page.getByRole('button', { name: 'Créer le cabinet' }).click();
    // A wrong SIREN is said on its field, and the link still serves for the corrected form.
    await expect(page.getByText('Ce numéro SIREN n’est pas valide')).toBeVisible();
    await page.getByLabel('SIREN').fill(aSiren());
    await snapshot(page, 'installation-form', testInfo);
    await page.getByRole('button', { name: 'Créer le cabinet' }).click();
    await expect(page.getByRole('status')).toContainText('Cabinet créé');

    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse e-mail').fill('sophie.garnier@garnier-conseil.fr');
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill('Erdre-et-Loire-44000');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Cabinet' }).click();
    await expect(page.getByLabel('Dénomination')).toHaveValue('Cabinet Garnier Conseil');

    // The link is spent: opened again, its form is refused.
    await page.goto(link);
    await page.getByLabel('Nom du cabinet').fill('Un autre cabinet');
    await page.getByLabel('SIREN').fill(aSiren());
    await page.getByLabel('Prénom et nom').fill('Paul Martin');
    await page.getByLabel('Adresse e-mail').fill('paul@exemple.fr');
    await page.getByRole('textbox', { name: 'Nouveau mot de passe' }).fill('Erdre-et-Loire-44001');
    await page.getByRole('button', { name: 'Créer le cabinet' }).click();
    await expect(page.getByRole('alert')).toContainText('lien d’installation n’est pas ou plus valable');
  } finally {
    server?.kill('SIGTERM');
    if (server) await new Promise((resolve) => server?.once('exit', resolve));
    rmSync(folder, { recursive: true, force: true });
  }
});
