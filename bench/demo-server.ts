/**
 * The demo Lettrine the browser benches load: started with `npm start` on a free port and a fresh
 * embedded database (never the shell's DATABASE_URL), ready once it serves its first page.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, type Page } from '@playwright/test';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export const startLettrine = async (port: number, dataDir: string): Promise<ChildProcess> => {
  // The demo firm lives in the embedded database: a DATABASE_URL of the shell must not leak in.
  const { DATABASE_URL: _server, ...env } = process.env;
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (exited) throw new Error('Lettrine stopped before it served a page (its error is above)');
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('Lettrine did not start within 3 minutes');
};

/**
 * Logs the page in as the demo firm's associé (Claire Dupré) and names what the benches open: the
 * client Boulangerie Martin, its engagement letter, and a draft proposal.
 */
export const logInDemo = async (page: Page) => {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill('claire.dupre@cabinet-dupre.fr');
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill('demo-associe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeVisible({
    timeout: 30_000,
  });
  // The first item's id of a list, read in the page (its session). No named function inside the
  // evaluated one: tsx would name it with a helper the page does not have.
  const first = (url: string) =>
    page.evaluate(async (at) => (await (await fetch(at)).json()).items[0].id as string, url);
  const engagement = await first('/api/v1/engagements?state=client&search=Boulangerie%20Martin');
  return {
    engagement,
    letter: await first(`/api/v1/documents?engagementId=${engagement}&kind=engagement_letter`),
    draft: await first('/api/v1/documents?kind=proposal&status=draft'),
  };
};
