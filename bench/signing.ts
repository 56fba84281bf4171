/**
 * Issue 4's figures, through the real app, its job queue and an SMTP receiver:
 * 1. the time from the associé's last signature of a four-page letter to its sealed copy (p50,
 *    p95), against the bare work of a seal (render the same facts + PAdES seal) in the same run;
 * 2. signatures per second with 20 signers at once, against a bare Fastify route on the same
 *    database that finds the link, locks the document and updates one row in a transaction.
 *
 * Issue 15: the seal is timestamped by an RFC 3161 authority on 127.0.0.1 (test/support/tsa-server.ts,
 * `openssl ts -reply`; no network time of a real authority): two tokens a seal (the sent PDF's, the
 * signature's) and the DSS. Target: last signature → sealed copy p95 under 300 ms (PASS/FAIL).
 *
 *   npm run bench:signing
 *   npm run bench:signing -- --quick                      (6 letters, 20 signers: a short run)
 *   npm run bench:signing -- --no-tsa                     (PAdES-B-B, no authority)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:signing -- --letters 30 --signers 200
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { TimestampSettings } from '../src/adapters/signing/timestamp-client.ts';
import { databaseKind } from '../test/support/databases.ts';
import { startTsaServer } from '../test/support/tsa-server.ts';
import { bareSeal, tsaLatency } from './signing-seal.ts';
import {
  aFourPageCatalogue,
  aLetterAwaitingTheAssocie,
  aProposalReadyToSign,
  inPool,
  openSigningBench,
  pageCount,
  type SigningBench,
  startBareSigningServer,
} from './signing-setup.ts';
import { printVerdicts, VERDICT_OPTIONS, verdict } from './verdicts.ts';

const { values } = parseArgs({
  options: {
    letters: { type: 'string' },
    signers: { type: 'string' },
    concurrency: { type: 'string', default: '20' },
    ...VERDICT_OPTIONS,
    'no-tsa': { type: 'boolean', default: false },
    /** Writes a CPU profile of the burst with the queue stopped (the request alone) to this file. */
    'cpu-profile': { type: 'string' },
  },
});
const letters = Number(values.letters ?? (values.quick ? 6 : 30));
const signers = Number(values.signers ?? (values.quick ? 20 : 200));
/** Issue 4's target, kept with the timestamp: the sealed copy within 300 ms of the last signature (p95). */
const SEALED_P95_TARGET_MS = 300;
/** Issue 19's target: link signatures per second with the queue running. */
const SIGNATURES_PER_SECOND_TARGET = 100;
const concurrency = Number(values.concurrency);

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The signer's request, from their own address (the bench's app trusts one proxy hop). */
const signingCall = (baseUrl: string, link: { token: string; typedName: string; forwardedFor: string }) => ({
  url: `${baseUrl}/api/v1/public/signing/${link.token}/sign`,
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'user-agent': 'Navigateur du signataire',
    'x-forwarded-for': link.forwardedFor,
  },
  body: JSON.stringify({ consent: true, typedName: link.typedName }),
});

const signThroughLink = (
  baseUrl: string,
  link: { token: string; typedName: string; forwardedFor: string },
) => {
  const { url, ...init } = signingCall(baseUrl, link);
  return fetch(url, init);
};

const timeout = <T>(promise: Promise<T>, seconds: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} : > ${seconds} s`)), seconds * 1000),
    ),
  ]);

/** Measure 1: one letter at a time, the queue idle before each; a bare seal after each. */
const measureSealing = async (
  bench: SigningBench,
  serviceIds: string[],
  timestamp: TimestampSettings | undefined,
) => {
  // One more letter than measured: the first warms up both paths.
  const prepared = await inPool(4, range(letters + 1), (_, i) =>
    aLetterAwaitingTheAssocie(bench, serviceIds, i),
  );
  await bench.ctx.drainJobs(300_000);
  const figures = {
    sealed: [] as number[],
    answered: [] as number[],
    bare: [] as number[],
    // The process's CPU time from the request to the sealed copy: on a loaded machine, where the
    // wall time measures the waiting for a core, this is the work itself (load generator included).
    cpu: [] as number[],
  };
  let barePages = 0;
  for (const [index, letter] of prepared.entries()) {
    const sealed = bench.sealedAt(bench.firm.firmId, letter.letterId);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const response = await signThroughLink(bench.baseUrl, letter);
    const answeredAt = performance.now();
    if (!response.ok) throw new Error(`signature: ${response.status} ${await response.text()}`);
    const sealedAt = await timeout(sealed, 60, 'exemplaire scellé attendu');
    const cpu = process.cpuUsage(cpuStart);
    await bench.ctx.drainJobs(60_000);
    const bare = await bareSeal(bench, letter.letterId, timestamp);
    if (index === 0) {
      barePages = await pageCount(bare.bytes);
      continue;
    }
    figures.sealed.push(sealedAt - start);
    figures.cpu.push((cpu.user + cpu.system) / 1000);
    figures.answered.push(answeredAt - start);
    figures.bare.push(bare.ms);
  }
  const last = prepared[prepared.length - 1]?.letterId ?? '';
  const sentPdf = await bench.collab.download(`/documents/${last}/pdf`);
  const sealedPdf = await bench.ctx.deps.store.read(bench.firm.firmId).documentFiles.find(last, 'sealed');
  const pages = {
    sent: await pageCount(sentPdf.bytes),
    sealed: sealedPdf ? await pageCount(sealedPdf.bytes) : 0,
    bare: barePages,
  };
  return { figures, pages };
};

type Burst = { perSecond: number; seconds: number; p50: number; p95: number; failures: number; cpu: number };

type Call = { url: string; method: string; headers: Record<string, string>; body?: string };

/**
 * The signers' side, in a thread of its own: the requests are sent (`concurrency` in flight, each
 * answered in full before the next) from another event loop than the server's, so that the
 * client's work (undici) is not counted against the server it measures.
 */
const SIGNERS_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { calls, concurrency } = workerData;
const latencies = [];
let failures = 0;
let next = 0;
const start = performance.now();
const one = async () => {
  while (next < calls.length) {
    const call = calls[next++];
    const begun = performance.now();
    const response = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body }).catch(() => undefined);
    await response?.arrayBuffer();
    if (!response?.ok) failures += 1;
    latencies.push(performance.now() - begun);
  }
};
Promise.all(Array.from({ length: concurrency }, one)).then(() =>
  parentPort.postMessage({ latencies, failures, seconds: (performance.now() - start) / 1000 }),
);
`;

/** `calls` sent from the signers' thread; the server's own CPU share read from its event loop. */
const burst = async (calls: Call[]): Promise<Burst> => {
  const thread = new Worker(SIGNERS_THREAD, { eval: true, workerData: { calls, concurrency } });
  const loopBefore = performance.eventLoopUtilization();
  const { latencies, failures, seconds } = await new Promise<{
    latencies: number[];
    failures: number;
    seconds: number;
  }>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  });
  const loop = performance.eventLoopUtilization(loopBefore);
  await thread.terminate();
  return {
    perSecond: calls.length / seconds,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    failures,
    // The server's event loop busy over the burst: 1.0 is its one thread busy the whole time.
    cpu: loop.utilization,
  };
};

/**
 * Measure 2: `signers` proposals, one signature each, `concurrency` at once: the first half with the
 * queue stopped (the request alone; the seals wait in the outbox), the second with the queue running
 * in the same process, as `lettrine start` does. The bare route runs before and after.
 */
const measureConcurrentSigning = async (bench: SigningBench, serviceId: string) => {
  const started = performance.now();
  const links = await inPool(8, range(signers), (_, i) => aProposalReadyToSign(bench, serviceId, i));
  await bench.ctx.drainJobs(300_000);
  console.log(`  préparées en ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const half = Math.floor(signers / 2);
  const bare = await startBareSigningServer(bench.ctx.database);
  const bareSign = (i: number): Call => ({
    url: `${bare.url}/bare/${links[i]?.token}/sign`,
    method: 'POST',
    headers: { 'user-agent': 'Navigateur' },
  });
  const lettrineSign = (offset: number) => (i: number) =>
    signingCall(bench.baseUrl, links[offset + i] ?? { token: '', typedName: '', forwardedFor: '' });
  const calls = (count: number, call: (i: number) => Call) => range(count).map(call);
  await burst(calls(Math.min(signers, 40), bareSign)); // warm-up of the bare route
  const bareBefore = await burst(calls(signers, bareSign));
  await bench.pauseJobs();
  /** With --cpu-profile FILE, the burst's CPU profile is written to FILE (queue stopped) or FILE.jobs (running). */
  const profiled = async <T>(suffix: string, run: () => Promise<T>): Promise<T> => {
    const file = values['cpu-profile'];
    if (!file) return run();
    const profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    try {
      return await run();
    } finally {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(`${file}${suffix}`, JSON.stringify(profile));
      profiler.disconnect();
    }
  };
  const alone = await profiled('', () => burst(calls(half, lettrineSign(0))));
  await bench.resumeJobs();
  await bench.ctx.drainJobs(600_000);
  const start = performance.now();
  const withJobs = await profiled('.jobs', () => burst(calls(signers - half, lettrineSign(half))));
  await bench.ctx.drainJobs(600_000);
  const allSealedSeconds = (performance.now() - start) / 1000;
  const bareAfter = await burst(calls(signers, bareSign));
  await bare.close();
  return { bareBefore, alone, withJobs, bareAfter, allSealedSeconds, half };
};

const main = async () => {
  const tsa = values['no-tsa'] ? undefined : await startTsaServer({ engine: 'in-process' });
  const timestamp = tsa ? { url: tsa.url } : undefined;
  const bench = await openSigningBench({ timestamp });
  try {
    console.log(
      `Base : ${databaseKind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (en mémoire)'} ; file de travaux pg-boss, interrogation toutes les 2 s (réveillée à chaque commit)`,
    );
    console.log(
      tsa
        ? `Horodatage : autorité RFC 3161 locale (${tsa.url}, jetons signés dans le processus du banc), ${await tsaLatency(timestamp!)} ms par jeton (médiane de 5)`
        : 'Horodatage : aucun (--no-tsa), sceau PAdES-B-B',
    );
    console.log(`Préparation de ${letters + 1} lettres (dont 1 d’échauffement)…`);
    const serviceIds = await aFourPageCatalogue(bench);
    const sealing = await measureSealing(bench, serviceIds, timestamp);
    console.log(`Préparation de ${signers} offres, code déjà vérifié…`);
    const concurrent = await measureConcurrentSigning(bench, serviceIds[0] as string);
    const { figures, pages } = sealing;
    const row = (name: string, values: number[]) =>
      `  ${name.padEnd(44)} ${ms(percentile(values, 50))} ${ms(percentile(values, 95))} ${ms(Math.max(...values))}`;
    console.log(
      `\n1. Dernière signature → exemplaire scellé : ${letters} lettres de ${pages.sent} pages (scellé : ${pages.sealed} pages avec la page de preuve ; base : ${pages.bare} pages)`,
    );
    console.log(`  ${''.padEnd(44)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`);
    console.log(row('Lettrine : requête de signature → scellé', figures.sealed));
    console.log(row('  dont réponse à la requête de signature', figures.answered));
    console.log(row('Base : rendu + scellement nus', figures.bare));
    console.log(row('CPU du processus, requête → scellé', figures.cpu));
    const ratio = percentile(figures.sealed, 50) / percentile(figures.bare, 50);
    console.log(`  ratio p50 Lettrine / base : ${ratio.toFixed(2)}`);
    const p95 = percentile(figures.sealed, 95);
    const { bareBefore, alone, withJobs, bareAfter, allSealedSeconds, half } = concurrent;
    const burstRow = (name: string, b: Burst) =>
      `  ${name.padEnd(44)} ${b.perSecond.toFixed(1).padStart(7)} /s ${ms(b.p50)} ${ms(b.p95)} ${String(b.failures).padStart(7)} ${b.cpu.toFixed(2).padStart(6)}`;
    console.log(
      `\n2. Signatures d’offres par lien, ${concurrency} signataires à la fois (HTTP sur 127.0.0.1)`,
    );
    console.log(
      `  ${''.padEnd(44)} ${'débit'.padStart(10)} ${'p50'.padStart(9)} ${'p95'.padStart(9)}  échecs    CPU`,
    );
    console.log(burstRow(`Fastify nu : lien, verrou, UPDATE (${signers}, avant)`, bareBefore));
    console.log(burstRow(`Lettrine, file arrêtée (${half} signatures)`, alone));
    console.log(burstRow(`Lettrine, file en marche (${signers - half})`, withJobs));
    console.log(burstRow(`Fastify nu (${signers}, après)`, bareAfter));
    const bareRate = (bareBefore.perSecond + bareAfter.perSecond) / 2;
    console.log(
      `  ratio débit Lettrine / Fastify nu (moyenne avant-après) : ${(alone.perSecond / bareRate).toFixed(2)} file arrêtée, ${(withJobs.perSecond / bareRate).toFixed(2)} file en marche`,
    );
    console.log(
      `  file en marche : signées en ${withJobs.seconds.toFixed(1)} s, toutes scellées et copies envoyées en ${allSealedSeconds.toFixed(1)} s (${((signers - half) / allSealedSeconds).toFixed(1)} documents/s de bout en bout)`,
    );
    console.log(
      '  CPU : boucle d’événements du serveur occupée / durée (1,00 = son fil occupé tout du long) ; les signataires envoient depuis un autre fil',
    );
    const failures = alone.failures + withJobs.failures + bareBefore.failures + bareAfter.failures;
    if (bench.ctx.jobErrors.length > 0) console.log(`  erreurs de travaux : ${bench.ctx.jobErrors.length}`);
    printVerdicts(
      'signature électronique',
      [
        verdict(
          'dernière signature → exemplaire scellé, p95',
          `${p95.toFixed(0)} ms`,
          `< ${SEALED_P95_TARGET_MS} ms`,
          p95 < SEALED_P95_TARGET_MS,
        ),
        verdict(
          'signatures par lien, file en marche',
          `${withJobs.perSecond.toFixed(1)} /s`,
          `≥ ${SIGNATURES_PER_SECOND_TARGET} /s`,
          withJobs.perSecond >= SIGNATURES_PER_SECOND_TARGET,
        ),
        verdict('requêtes de signature en échec', String(failures), '0', failures === 0),
      ],
      { strict: values.strict, quick: values.quick },
    );
    if (failures > 0) process.exitCode = 1;
  } finally {
    await bench.close();
    await tsa?.close();
  }
};

await main();
