import { availableParallelism, loadavg } from 'node:os';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { logIn } from './support.ts';

/**
 * Issue 6: no page takes more than a second to show on the demo data. Each page is loaded cold (a
 * full page load, the app's script included) three times after a warm-up, and the median counts:
 * the machine running the tests is shared, and one slow run says more about it than about the app.
 */
const LIMIT_MS = 1000;

const timeToShow = async (page: Page, url: string, shown: (page: Page) => Locator) => {
  const started = Date.now();
  await page.goto(url);
  await expect(shown(page)).toBeVisible();
  const elapsed = Date.now() - started;
  // Let the page's remaining requests end, so the next load does not queue behind them.
  await page.waitForLoadState('networkidle');
  return elapsed;
};

test('the main pages show within a second on the demo data', async ({ page }, testInfo) => {
  // Seven pages loaded four times each: more than the default minute on a loaded machine.
  test.setTimeout(150_000);
  await logIn(page, 'associe');
  const engagement = await page.evaluate(async () => {
    const list = await (await fetch('/api/v1/engagements?state=client&search=Boulangerie%20Martin')).json();
    return list.items[0].id as string;
  });
  const letter = await page.evaluate(async (id) => {
    const list = await (await fetch(`/api/v1/documents?engagementId=${id}&kind=engagement_letter`)).json();
    return list.items[0].id as string;
  }, engagement);
  const pages: [string, string, (page: Page) => Locator][] = [
    ['dashboard', '/', (p) => p.getByTestId('count-drafts').getByText(/\d/)],
    // The firm-wide figure of GET /portfolio/recurring-fees.
    ['dashboard fees', '/', (p) => p.getByTestId('fees-total')],
    ['engagements', '/engagements', (p) => p.getByRole('link', { name: 'Boulangerie Martin' })],
    ['engagement', `/engagements/${engagement}`, (p) => p.getByTestId('scope-annual')],
    ['document', `/documents/${letter}`, (p) => p.getByTestId('total-ttc')],
    ['catalogue', '/catalogue', (p) => p.getByText('Tenue de la comptabilité')],
    ['users', '/users', (p) => p.getByText('Léa Bernard')],
  ];
  const timings: Record<string, number> = {};
  for (const [name, url, shown] of pages) {
    await timeToShow(page, url, shown); // warm the server's caches and the browser's
    const runs = [];
    for (let run = 0; run < 3; run += 1) runs.push(await timeToShow(page, url, shown));
    timings[name] = runs.sort((a, b) => a - b)[1] as number;
  }
  console.log('time to show (ms):', JSON.stringify(timings), `load ${loadavg()[0]?.toFixed(1)}`);
  await testInfo.attach('timings.json', {
    body: JSON.stringify(timings, null, 2),
    contentType: 'application/json',
  });
  // A machine busy with other work (the load above its cores) measures itself, not the app: the
  // timings are then reported, not judged.
  const load = loadavg()[0] ?? 0;
  if (load > availableParallelism()) {
    testInfo.annotations.push({ type: 'skipped-judgement', description: `load average ${load.toFixed(1)}` });
    return;
  }
  for (const [name, ms] of Object.entries(timings)) expect(ms, name).toBeLessThan(LIMIT_MS);
});
