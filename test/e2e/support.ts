import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';

export const DEMO = {
  associe: { email: 'claire.dupre@cabinet-dupre.fr', password: 'demo-associe' },
  collaborateur: { email: 'hugo.martin@cabinet-dupre.fr', password: 'demo-collaborateur' },
  lecture: { email: 'lea.bernard@cabinet-dupre.fr', password: 'demo-lecture' },
} as const;

export const logIn = async (page: Page, who: keyof typeof DEMO) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Adresse e-mail').fill(DEMO[who].email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(DEMO[who].password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeVisible();
};

/** "Envoyer", or "Enregistrer et envoyer" when the draft has unsaved changes. */
export const sendButton = (page: Page) =>
  page.getByRole('button', { name: /^(Enregistrer et envoyer|Envoyer)$/ });

/**
 * Issue 18: « Envoyer » opens a dialog (recipients, the mail, the PDF); the journey confirms there,
 * with a personal message when given, reads the success and closes it.
 */
export const sendThroughDialog = async (page: Page, options: { message?: string } = {}) => {
  await sendButton(page).click();
  const dialog = page.getByRole('dialog', { name: /^Envoyer/ });
  await expect(dialog.getByRole('heading', { name: 'Destinataires' })).toBeVisible();
  if (options.message) await dialog.getByLabel('Message personnel (facultatif)').fill(options.message);
  await dialog.getByRole('button', { name: 'Confirmer l’envoi' }).click();
  await expect(dialog.getByText('Document envoyé')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(dialog).toHaveCount(0);
};

/** The editor's catalogue picker: types a word of the service, then picks the option it names. */
export const pickFromCatalogue = async (page: Page, typed: string, option: RegExp) => {
  const catalogue = page.getByRole('combobox', { name: 'Ajouter une mission du catalogue' });
  await catalogue.click();
  await catalogue.fill(typed);
  await page.getByRole('option', { name: option }).click();
};

/** The payment terms a document needs before sending, when the firm's defaults left them empty. */
export const fillPaymentTermsIfEmpty = async (page: Page) => {
  const terms = page.getByLabel('Modalités de paiement');
  if ((await terms.inputValue()).trim() === '')
    await terms.fill(
      'Prélèvement le 5 de chaque mois ; pénalités de retard et indemnité de 40 € selon la loi.',
    );
};

/** A mail's row in « Courriels », by its recipient and a part of its subject. */
export const mailRow = (page: Page, to: string, subject: string) =>
  page.getByRole('row').filter({ hasText: to }).filter({ hasText: subject });

/** Opens that mail in the reader, beside (or above) the list. */
export const openMail = async (page: Page, to: string, subject: string) => {
  await mailRow(page, to, subject).getByRole('button').click();
};

/**
 * A screen the journey documents, kept with the test's artifacts (test-results/e2e/…) when the
 * screenshots are asked for (`npm run test:e2e:screens`, for a review of the screens): a full-page
 * screenshot costs about a second, and `npm test` needs only the ones Playwright takes on failure.
 */
export const snapshot = async (
  page: Page,
  name: string,
  testInfo: { outputPath: (name: string) => string },
) => {
  if (process.env.LETTRINE_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
};

/** "2026-11-29" in Paris, for the date inputs (typed as JJ/MM/AAAA). */
export const parisToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
export const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/** A SIREN that passes the Luhn key, different on every run. */
export const aSiren = () => {
  const digits = String(Date.now() % 100_000_000)
    .padStart(8, '0')
    .split('')
    .map(Number);
  const sum = digits.reduce((total, digit, index) => {
    const value = index % 2 === 1 ? digit * 2 : digit;
    return total + (value > 9 ? value - 9 : value);
  }, 0);
  // The ninth digit sits at an even position from the right's point of view: it is not doubled.
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
};

export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The last amount of a text, in cents: "… au 29/11/2026 : 4 320,00 €" → 432000. */
export const cents = (text: string) => {
  const amounts = text.match(/\d[\d\s\u202f\u00a0]*,\d{2}/g) ?? [];
  return Number((amounts.at(-1) ?? '0,00').replace(/[^\d]/g, ''));
};

/** 450000 → the French money text as a pattern that accepts any kind of space. */
export const euros = (amount: number) =>
  new RegExp(
    new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
      .format(amount / 100)
      .replace(/[\s\u202f\u00a0]/g, '\\s'),
  );

type OutboxMail = { id: string; kind: string; toAddress: string; subject: string; textBody: string | null };

/** The newest mail of a kind sent to an address about a document, read with the firm's session. */
export const outboxMail = async (
  request: APIRequestContext,
  filter: { documentId: string; kind: string; to: string },
): Promise<OutboxMail> => {
  let found: { id: string } | undefined;
  await expect
    .poll(
      async () => {
        const page = await request.get(`/api/v1/mails?documentId=${filter.documentId}&pageSize=100`);
        const items = (await page.json()).items as OutboxMail[];
        found = items.find((mail) => mail.kind === filter.kind && mail.toAddress === filter.to);
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return (await request.get(`/api/v1/mails/${found?.id}`)).json();
};

/** The personal signing link of a request mail. */
export const signingLinkOf = (mail: { textBody: string | null }) => {
  const link = mail.textBody?.match(/https?:\/\/\S+\/signer\/[\w-]+/)?.[0];
  if (!link) throw new Error('no signing link in the mail');
  return link;
};

/** The six-digit code of a code mail. */
export const codeOf = (mail: { textBody: string | null }) => {
  const code = mail.textBody?.match(/(?<!\d)\d{6}(?!\d)/)?.[0];
  if (!code) throw new Error('no code in the mail');
  return code;
};

/** A few strokes on a canvas, with the mouse (pointer events). */
export const drawOn = async (page: Page, canvas: Locator) => {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('canvas not visible');
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  for (const stroke of [
    [at(0.1, 0.7), at(0.25, 0.3), at(0.4, 0.7), at(0.55, 0.3)],
    [at(0.6, 0.6), at(0.75, 0.4), at(0.9, 0.6)],
  ]) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    await page.mouse.move(...first);
    await page.mouse.down();
    for (const point of rest) await page.mouse.move(...point, { steps: 6 });
    await page.mouse.up();
  }
};

/** No horizontal scroll: the page is no wider than the screen. */
export const expectNoHorizontalScroll = async (page: Page) => {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
};

/**
 * Where the accessibility counts of each page go: `a11y.json` in Playwright's output folder
 * (test-results/e2e, or `--output`), which Playwright empties at the start of each run, so the report
 * holds this run's pages only (`LETTRINE_A11Y_REPORT` to choose another file).
 */
const a11yReport = () => process.env.LETTRINE_A11Y_REPORT ?? join(test.info().project.outputDir, 'a11y.json');

type A11yCounts = {
  url: string;
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  /** The rules violated, with the number of elements each. */
  rules: Record<string, { impact: string; nodes: number }>;
};

/**
 * Issue 18, item 9: axe-core's WCAG 2.1 A and AA rules on the page as it is now. Every violation is
 * counted, per page, in the report ({@link a11yReport}); a critical or serious one fails the test (softly, so a
 * journey goes on and reports the other pages), listed rule by rule with the elements concerned.
 */
export const expectNoSeriousA11yViolations = async (page: Page, label: string) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const counts: A11yCounts = {
    url: new URL(page.url()).pathname,
    critical: 0,
    serious: 0,
    moderate: 0,
    minor: 0,
    rules: {},
  };
  for (const violation of results.violations) {
    const impact = violation.impact ?? 'minor';
    counts[impact] += violation.nodes.length;
    counts.rules[violation.id] = { impact, nodes: violation.nodes.length };
  }
  const file = a11yReport();
  let report: Record<string, A11yCounts> = {};
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // No report yet: this page opens it.
  }
  report[label] = counts;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const serious = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const listed = serious
    .map(
      (v) =>
        `- [${v.impact}] ${v.id} (${v.nodes.length}) ${v.help}\n${v.nodes
          .slice(0, 5)
          .map(
            (node) =>
              `    ${node.target.join(' ')} ${node.html.slice(0, 120)}\n      ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`,
          )
          .join('\n')}`,
    )
    .join('\n');
  expect
    .soft(serious.length, `${label} : violations d’accessibilité graves / serious a11y violations\n${listed}`)
    .toBe(0);
};

/** The smallest valid PNG: a 1×1 pixel, the « scan » of a paper signature in the journeys. */
const A_SCAN_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * Issue 18: a paper signature is a secondary action, « Enregistrer une signature papier… », and it
 * asks for the scan of the signed page; the side is chosen when both are still missing.
 */
export const recordPaperSignature = async (page: Page, side?: 'Client' | 'Cabinet (associé)') => {
  await page.getByRole('button', { name: 'Enregistrer une signature papier…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer une signature papier…' });
  if (side) await dialog.getByLabel('Signature de').selectOption({ label: side });
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: 'page-signee.png', mimeType: 'image/png', buffer: A_SCAN_PNG });
  await dialog.getByRole('button', { name: 'Enregistrer la signature' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
};

/** The firm's electronic signature, the main action: « Signer pour le cabinet », then confirm. */
export const signForFirm = async (page: Page) => {
  await page.getByRole('button', { name: 'Signer pour le cabinet' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Signer pour le cabinet' });
  await dialog.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
};
