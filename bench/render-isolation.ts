/**
 * Issue 20, item 4: while one firm renders large PDFs, how long do other firms wait? Starts the
 * real app twice over one database, in the same run: rendering on the event loop (RENDER_WORKERS=0,
 * the baseline, as before issue 20) and in worker threads (the default). For each, 10 concurrent
 * previews of a 200-line document by firm A, while firm B sends a cheap GET every 25 ms from a
 * thread of its own (so that its clock is not the server's), without waiting for the answers; prints firm B's p50, p95 and max, the
 * same without any render, and the wall time of the 10 renders.
 *
 *   npm run bench:render-isolation
 *   npm run bench:render-isolation -- --quick            # one round instead of three
 *   npm run bench:render-isolation -- --threads 1 --renders 10 --lines 200
 *   DATABASE_URL=postgres://… npm run bench:render-isolation   # recreates lettrine_bench_render there
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/adapters/db/database.ts';
import { createRenderPool } from '../src/adapters/workers/render-pool.ts';
import { loadConfig } from '../src/config.ts';
import { createApp } from '../src/http/create-app.ts';
import { buildDeps } from '../src/main.ts';
import { aService, aTermsVersion } from '../test/builders/catalogue.ts';
import { aFirmWithUsers, type TestContext } from '../test/support/test-app.ts';
import { printVerdicts, VERDICT_OPTIONS, verdict } from './verdicts.ts';

const { values } = parseArgs({
  options: {
    ...VERDICT_OPTIONS,
    threads: { type: 'string', default: '1' },
    renders: { type: 'string', default: '10' },
    lines: { type: 'string', default: '200' },
    rounds: { type: 'string' },
  },
});
const threads = Number(values.threads);
const renders = Number(values.renders);
const lines = Number(values.lines);
const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));

/**
 * Firm B's probe, in a worker thread: a GET every 25 ms whatever the answers (open loop: a stalled
 * server has requests piling up, each timed from when it was sent), until told to stop.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const times = [];
const pending = new Set();
const send = () => {
  const started = performance.now();
  const request = fetch(workerData.url, { headers: workerData.headers })
    .then(async (res) => {
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error('probe answered ' + res.status);
      times.push(performance.now() - started);
    })
    .finally(() => pending.delete(request));
  pending.add(request);
};
const timer = setInterval(send, 25);
parentPort.on('message', async () => {
  clearInterval(timer);
  await Promise.all([...pending]);
  parentPort.postMessage(times);
});
`;

const probe = (url: string, headers: Record<string, string>) => {
  const worker = new Worker(PROBE, { eval: true, workerData: { url, headers } });
  const result = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const times = await result;
      await worker.terminate();
      return times;
    },
  };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? 0,
  };
};

/** On PostgreSQL, a scratch database of its own, recreated at each run (left for inspection). */
const SCRATCH = 'lettrine_bench_render';
const scratchUrl = async (adminUrl: string) => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${SCRATCH} with (force)`);
  await admin.query(`create database ${SCRATCH}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${SCRATCH}`;
  return url.toString();
};

// PGlite runs its queries on the event loop, chained in microtasks: there, the ten renders' reads
// of their document hold the loop too, whatever the renderer. PostgreSQL is what production runs.
const database = process.env.DATABASE_URL
  ? await openPostgres(await scratchUrl(process.env.DATABASE_URL))
  : await openPglite();
await database.migrate();
const config = loadConfig({ RENDER_WORKERS: '0', LOG_LEVEL: 'silent' });
const { deps } = await buildDeps(database, config);
const pool = createRenderPool({ threads, timeoutMs: 120_000, maxPdfBytes: 200e6, memoryMb: 512 });
const modes = {
  'sur la boucle (RENDER_WORKERS=0, avant)': await createApp(deps, { logger: false }),
  [`workers (RENDER_WORKERS=${threads})`]: await createApp(
    { ...deps, pdf: pool.renderer, sealer: pool.sealer },
    { logger: false },
  ),
};
const bases: Record<string, string> = {};
for (const [name, app] of Object.entries(modes)) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  bases[name] = `http://127.0.0.1:${address.port}/api/v1`;
}

// Two firms; A has a draft of `lines` lines (its preview is rendered at every request).
const [firstApp] = Object.values(modes);
if (!firstApp) throw new Error('no app');
const ctx = { deps, app: firstApp, clock: deps.clock } as unknown as TestContext;
const firmA = await aFirmWithUsers(ctx, `Cabinet Lourd ${randomUUID().slice(0, 6)}`);
const firmB = await aFirmWithUsers(ctx, `Cabinet Voisin ${randomUUID().slice(0, 6)}`);
const services: { id: string }[] = [];
for (let i = 0; i < 20; i++)
  services.push(await aService(ctx, firmA.firmId, firmA.users.associe.id, { label: `Mission ${i + 1}` }));
await aTermsVersion(ctx, firmA.firmId, { version: 1, effectiveFrom: '2025-01-01' });
const api =
  (base: string, headers: Record<string, string>) => async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${Buffer.from(bytes).toString()}`);
    return bytes;
  };
const baseOf = Object.values(bases)[0] as string;
const asA = api(baseOf, firmA.users.collaborateur.headers);
const engagement = JSON.parse(
  Buffer.from(
    await asA('POST', '/engagements', {
      company: {
        name: 'Groupe Très Diversifié',
        legalForm: 'SAS',
        fiscalYearEnd: '12-31',
        siren: '552100554',
      },
    }),
  ).toString(),
) as { id: string };
const draft = JSON.parse(
  Buffer.from(
    await asA('POST', '/documents', {
      engagementId: engagement.id,
      kind: 'engagement_letter',
      lines: Array.from({ length: lines }, (_, i) => ({
        serviceId: services[i % services.length]?.id,
        quantity: 1,
      })),
    }),
  ).toString(),
) as { id: string };

const probePath = '/engagements?pageSize=10';
const results: Record<string, { idle: number[]; during: number[]; wall: number[]; loopMax: number[] }> = {};
const renderAll = async (base: string) => {
  const render = api(base, firmA.users.collaborateur.headers);
  const started = performance.now();
  const sizes = await Promise.all(
    Array.from({ length: renders }, () => render('GET', `/documents/${draft.id}/pdf`)),
  );
  return { wall: performance.now() - started, bytes: sizes[0]?.byteLength ?? 0 };
};

/** The longest the server's event loop went without running a 10 ms timer. */
const loopStalls = () => {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last - 10);
    },
  };
};

let pdfBytes = 0;
for (const [name, base] of Object.entries(bases)) {
  results[name] = { idle: [], during: [], wall: [], loopMax: [] };
  // Warm-up: the fonts, the shaped words, and the pool's threads.
  await renderAll(base);
}
for (let round = 0; round < rounds; round++) {
  for (const [name, base] of Object.entries(bases)) {
    const result = results[name];
    if (!result) continue;
    const idle = probe(`${base}${probePath}`, firmB.users.lecture.headers);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    result.idle.push(...(await idle.stop()));
    const during = probe(`${base}${probePath}`, firmB.users.lecture.headers);
    const loop = loopStalls();
    const { wall, bytes } = await renderAll(base);
    pdfBytes = bytes;
    result.during.push(...(await during.stop()));
    result.wall.push(wall);
    result.loopMax.push(loop.stop());
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;
console.log(
  `\nIsolation des rendus — ${renders} aperçus simultanés d’un document de ${lines} lignes (${Math.round(pdfBytes / 1024)} Ko), ` +
    `${rounds} tour(s), ${availableParallelism()} cœurs, Node ${process.version}, ` +
    `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, charge ${loadavg()[0]?.toFixed(1)}\n`,
);
console.log(
  '| rendu | GET d’un autre cabinet, au repos p95 | pendant les rendus p50 | p95 | max | 10 rendus (mur) | boucle bloquée au plus |',
);
console.log('|---|---|---|---|---|---|---|');
for (const [name, result] of Object.entries(results)) {
  const idle = summary(result.idle);
  const during = summary(result.during);
  const wall = result.wall.reduce((a, b) => a + b, 0) / Math.max(1, result.wall.length);
  console.log(
    `| ${name} | ${ms(idle.p95)} | ${ms(during.p50)} | ${ms(during.p95)} | ${ms(during.max)} | ${(wall / 1000).toFixed(1)} s | ${ms(Math.max(...result.loopMax))} |`,
  );
}
console.log(
  `\n(${Object.values(results)
    .map((r) => `${r.during.length}`)
    .join(' / ')} requêtes mesurées pendant les rendus)`,
);

// Issue 20 asks for other firms' p95 during the renders, before and after: after must be lower.
const [onLoop, inWorkers] = Object.values(results).map((r) => summary(r.during).p95);
printVerdicts(
  'isolation des rendus',
  [
    verdict(
      'p95 d’un autre cabinet pendant les rendus, workers / boucle',
      `${ms(inWorkers ?? Number.NaN)} / ${ms(onLoop ?? Number.NaN)}`,
      '< boucle',
      (inWorkers ?? Number.POSITIVE_INFINITY) < (onLoop ?? 0),
    ),
  ],
  { strict: values.strict, quick: values.quick },
);

for (const app of Object.values(modes)) await app.close();
await pool.close();
await deps.mailer.close();
await database.close();
