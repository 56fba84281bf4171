import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { logIn, snapshot } from './support.ts';

/** The firm's own certificate, issued by a test authority, exported as a PKCS#12 with its chain. */
const aFirmPkcs12 = (): Buffer => {
  const dir = mkdtempSync(join(tmpdir(), 'lettrine-e2e-p12-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '30',
      '-subj',
      '/CN=AC de test e2e',
    );
    openssl(
      'req',
      '-new',
      '-utf8',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'firm.key',
      '-out',
      'firm.csr',
      '-subj',
      '/C=FR/O=Cabinet Dupré & Associés/CN=Cabinet Dupré & Associés (certificat importé)',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      'firm.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '30',
      '-out',
      'firm.crt',
    );
    openssl(
      'pkcs12',
      '-export',
      '-inkey',
      'firm.key',
      '-in',
      'firm.crt',
      '-certfile',
      'ca.crt',
      '-passout',
      'pass:secret-p12',
      '-out',
      'firm.p12',
    );
    return readFileSync(join(dir, 'firm.p12'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * Issue 15, item 3, in a browser: the associé reads which certificate seals the firm's copies (a
 * self-signed one, said so), imports the firm's own, then goes back to the self-signed seal.
 */
test('an associé imports the firm’s certificate and goes back to the self-signed seal', async ({
  page,
}, testInfo) => {
  // Two RSA keys made by openssl and one by the server (the self-signed seal made anew).
  test.setTimeout(120_000);
  await logIn(page, 'associe');
  await page.getByRole('navigation').getByRole('link', { name: 'Cabinet' }).click();
  const card = page.getByTestId('seal-identity');
  await expect(card.getByTestId('seal-source')).toHaveText('Cachet du cabinet (certificat auto-signé)');
  await expect(card.getByTestId('seal-subject')).toContainText(/organizationIdentifier=NTRFR-81234567\d/);
  await expect(card.getByTestId('seal-subject')).toContainText('C=FR');

  await card.locator('input[type=file]').setInputFiles({
    name: 'cabinet.p12',
    mimeType: 'application/x-pkcs12',
    buffer: aFirmPkcs12(),
  });
  await card.getByLabel('Mot de passe du fichier').fill('faux');
  await card.getByRole('button', { name: 'Importer le certificat du cabinet' }).click();
  await expect(card.getByText(/Le mot de passe ne permet pas d’ouvrir ce fichier PKCS#12/)).toBeVisible();

  await card.getByLabel('Mot de passe du fichier').fill('secret-p12');
  await card.getByRole('button', { name: 'Importer le certificat du cabinet' }).click();
  await expect(card.getByTestId('seal-source')).toHaveText('Certificat du cabinet, importé');
  await expect(card.getByTestId('seal-subject')).toContainText(
    'CN=Cabinet Dupré & Associés (certificat importé)',
  );
  await expect(card.getByText('Certificats d’autorité joints : 1')).toBeVisible();
  await snapshot(page, 'seal-imported', testInfo);

  await card.getByRole('button', { name: 'Revenir au cachet auto-signé' }).click();
  await expect(card.getByTestId('seal-source')).toHaveText('Cachet du cabinet (certificat auto-signé)');
});
