/**
 * Issue 18, « Must show »: the cold and warm load of the dashboard, an engagement's page and the
 * editor (a draft proposal) on the demo data, in Chromium's headless shell (as the journeys run).
 * Starts Lettrine on a fresh embedded database with its demo firm and logs in once; then for each
 * page, `--runs` times:
 *
 * - cold: a new browser context (empty HTTP cache, nothing parsed yet) holding only the session
 *   cookie, the page's address opened, timed until its main content shows;
 * - warm: the same context, the page reloaded (scripts and styles from the cache), timed the same.
 *
 * Prints the median of each against the login page loaded cold in the same run (the app's shell with
 * no data to fetch), and PASS/FAIL against the targets: cold ≤ 2 s, warm ≤ 1 s.
 *
 *   npm run bench:web
 *   npm run bench:web -- --runs 5
 *   npm run bench:web -- --quick --strict
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Browser,
  type BrowserContext,
  chromium,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';
import { freePort, logInDemo, startLettrine } from './demo-server.ts';
import { printVerdicts, VERDICT_OPTIONS, type Verdict, verdict } from './verdicts.ts';

const COLD_LIMIT_MS = 2000;
const WARM_LIMIT_MS = 1000;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, ...VERDICT_OPTIONS } });
const runs = values.quick ? 1 : Number(values.runs);

type Shown = (page: Page) => Locator;

/** From the navigation's start to the main content visible; then the page's requests end. */
const timed = async (page: Page, load: () => Promise<unknown>, shown: Shown) => {
  const started = Date.now();
  await load();
  await expect(shown(page)).toBeVisible({ timeout: 30_000 });
  const elapsed = Date.now() - started;
  await page.waitForLoadState('networkidle');
  return elapsed;
};

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;

/** One cold load in a fresh context (the session's cookie only), then a warm reload in it. */
const coldThenWarm = async (
  browser: Browser,
  cookies: Parameters<BrowserContext['addCookies']>[0],
  baseURL: string,
  url: string,
  shown: Shown,
) => {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    viewport: { width: 1440, height: 900 },
  });
  try {
    // The login page is the baseline without a session (with one it leads to the dashboard).
    if (url !== '/login') await context.addCookies(cookies);
    const page = await context.newPage();
    const cold = await timed(page, () => page.goto(url), shown);
    const warm = await timed(page, () => page.reload(), shown);
    return { cold, warm };
  } finally {
    await context.close();
  }
};

const port = await freePort();
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'lettrine-bench-web-'));
const server = await startLettrine(port, join(dataDir, 'data'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium-headless-shell',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const verdicts: Verdict[] = [];
try {
  // The session, once: every cold context starts with its cookie and nothing else.
  const login = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const ids = await logInDemo(await login.newPage());
  const cookies = await login.cookies();
  await login.close();

  const pages: [string, string, Shown][] = [
    ['login page (baseline)', '/login', (p) => p.getByRole('button', { name: 'Se connecter' })],
    ['dashboard', '/', (p) => p.getByTestId('count-drafts').getByText(/\d/)],
    ['engagement', `/engagements/${ids.engagement}`, (p) => p.getByTestId('scope-annual')],
    [
      'editor',
      `/documents/${ids.draft}`,
      (p) => p.getByRole('combobox', { name: 'Ajouter une mission du catalogue' }),
    ],
  ];
  // A first load of each warms the server (its caches, PGlite's pages), not the browser: every
  // measured cold load has a context of its own.
  for (const [, url, shown] of pages) await coldThenWarm(browser, cookies, baseURL, url, shown);

  console.log(
    `time to the main content, median of ${runs} (cold: new context, empty cache; warm: reload), load average ${loadavg()[0]?.toFixed(1)} on 2 cores`,
  );
  console.log('| page | cold ms | warm ms | cold × login | target |');
  console.log('|---|---:|---:|---:|---|');
  let baseline = 0;
  for (const [name, url, shown] of pages) {
    const colds: number[] = [];
    const warms: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const { cold, warm } = await coldThenWarm(browser, cookies, baseURL, url, shown);
      colds.push(cold);
      warms.push(warm);
    }
    const cold = median(colds);
    const warm = median(warms);
    if (baseline === 0) baseline = cold;
    const target = `cold ≤ ${COLD_LIMIT_MS}, warm ≤ ${WARM_LIMIT_MS}`;
    console.log(`| ${name} | ${cold} | ${warm} | ${(cold / baseline).toFixed(1)} | ${target} |`);
    if (url === '/login') continue;
    verdicts.push(verdict(`${name}, à froid`, `${cold} ms`, `≤ ${COLD_LIMIT_MS} ms`, cold <= COLD_LIMIT_MS));
    verdicts.push(
      verdict(`${name}, à chaud (rechargée)`, `${warm} ms`, `≤ ${WARM_LIMIT_MS} ms`, warm <= WARM_LIMIT_MS),
    );
  }
  console.log(`load average at the end: ${loadavg()[0]?.toFixed(1)}`);
  printVerdicts('chargement des pages (navigateur)', verdicts, {
    strict: values.strict,
    quick: values.quick,
  });
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
