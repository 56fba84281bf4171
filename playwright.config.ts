import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys in Debian's Chromium (never `playwright install`). They start their own Lettrine
 * on a free port with a fresh PGlite folder, so the demo firm is seeded and DATABASE_URL (the
 * PostgreSQL run of .ci/run) does not leak into the journeys' server. The port and folder are chosen
 * once, in the main process, and inherited by the workers through the environment.
 */
const freePort = () =>
  execFileSync(process.execPath, [
    '-e',
    "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();

process.env.LETTRINE_E2E_PORT ??= freePort();
process.env.LETTRINE_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'lettrine-e2e-'));
const port = process.env.LETTRINE_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium-headless-shell',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'env -u DATABASE_URL npm start',
    url: `${baseURL}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      DATA_DIR: join(process.env.LETTRINE_E2E_DATA, 'data'),
      LOG_LEVEL: 'warn',
      // The signing links in the outbox's mails point at this server, so a journey can follow them.
      PUBLIC_URL: baseURL,
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
