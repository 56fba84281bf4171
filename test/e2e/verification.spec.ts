import { type APIRequestContext, expect, test } from '@playwright/test';
import { addNoteOnFirstPage, flipSignedByte } from '../support/incremental-update.ts';
import { logIn, snapshot } from './support.ts';

/** A signed document's sealed copy from the demo firm: its seal job may still be running at start. */
const aSealedCopy = async (request: APIRequestContext): Promise<Buffer> => {
  const list = await request.get('/api/v1/documents?status=signed&pageSize=20');
  expect(list.ok(), await list.text()).toBe(true);
  const ids = ((await list.json()) as { items: { id: string }[] }).items.map((item) => item.id);
  expect(ids.length).toBeGreaterThan(0);
  let copy: Buffer | undefined;
  await expect
    .poll(
      async () => {
        for (const id of ids) {
          const res = await request.get(`/api/v1/documents/${id}/signed-pdf`);
          if (res.ok()) copy = await res.body();
          if (copy) return true;
        }
        return false;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return copy as Buffer;
};

/**
 * Issue 15, item 6, in a browser: anyone drops a PDF on /verifier and reads one of four verdicts.
 * The sealed copy is intact and says who sealed it; a note added afterwards is listed; a byte
 * changed under the seal makes it altered.
 */
test('the verification page tells a sealed, an annotated and a tampered copy apart', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  await logIn(page, 'associe');
  const sealed = await aSealedCopy(page.request);
  const visitor = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const check = await visitor.newPage();
  await check.goto('/verifier');
  await expect(check.getByRole('heading', { level: 1, name: 'Vérifier un document' })).toBeVisible();
  const upload = (name: string, bytes: Uint8Array) =>
    check
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });

  await upload('exemplaire-signe.pdf', sealed);
  const intact = check.getByTestId('verify-intact');
  await expect(intact).toContainText('Document intact');
  await expect(intact).toContainText(/est exactement celui que Cabinet Dupré & Associés a scellé/);
  await expect(intact.getByTestId('verify-seal')).toContainText(
    'Cachet électronique : CN=Cabinet Dupré & Associés',
  );
  await expect(intact.getByTestId('verify-seal')).toContainText(/Scellé le \d{2}\/\d{2}\/\d{4}/);
  await snapshot(check, 'verify-intact', testInfo);

  await upload('exemplaire-annote.pdf', await addNoteOnFirstPage(sealed));
  const changed = check.getByTestId('verify-changed');
  await expect(changed).toContainText('Version signée intacte, modifiée ensuite');
  await expect(changed.getByTestId('verify-changes')).toContainText('Annotation ajoutée (page 1)');
  await snapshot(check, 'verify-changed', testInfo);

  await upload('exemplaire-modifie.pdf', flipSignedByte(sealed));
  const damaged = check.getByTestId('verify-damaged');
  await expect(damaged).toContainText('Document altéré');
  await expect(damaged).toContainText('la signature ne correspond plus à son contenu');
  await snapshot(check, 'verify-damaged', testInfo);
  await visitor.close();
});
