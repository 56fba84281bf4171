/**
 * Issue 19: a bench that no longer runs measures nothing. Runs every bench of this folder in its
 * `--quick` size, one after the other (they would measure each other otherwise), and fails when one
 * breaks: a non-zero exit, or no verdicts printed. A target missed is not a failure here (no
 * `--strict`): the figures of a smoke run on a shared machine are indicative; `npm run bench:<name>`
 * at full size judges them.
 *
 *   npm run bench:smoke                                              # PGlite where a bench allows it
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:smoke
 *   npm run bench:smoke -- --only signing,campaign
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    /** Minutes a bench may take before it counts as broken. */
    timeout: { type: 'string', default: '15' },
  },
});

type Bench = { name: string; file: string; args?: string[]; needsPostgres?: boolean };

/** Every bench with a verdict; the helpers (setup, servers, baselines) run inside them. */
const BENCHES: Bench[] = [
  { name: 'vigilance', file: 'vigilance-screening.ts' },
  { name: 'pdf', file: 'pdf-render.ts' },
  { name: 'signing', file: 'signing.ts' },
  { name: 'campaign', file: 'campaign.ts' },
  { name: 'billing', file: 'billing-schedule.ts', needsPostgres: true },
  { name: 'engagements', file: 'engagement-list.ts', needsPostgres: true },
  { name: 'platform', file: 'platform-scale.ts', needsPostgres: true },
  { name: 'render-isolation', file: 'render-isolation.ts' },
  { name: 'start', file: 'start-time.ts' },
  { name: 'pages', file: 'page-speed.ts' },
  { name: 'web', file: 'web-load.ts' },
];

const here = dirname(fileURLToPath(import.meta.url));
const only = values.only?.split(',').map((name) => name.trim());
const postgres = Boolean(process.env.DATABASE_URL);
const timeoutMs = Number(values.timeout) * 60_000;

const run = (bench: Bench) =>
  new Promise<{ code: number | null; verdicts: boolean; ms: number }>((resolve) => {
    const startedAt = Date.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, bench.file), '--quick', ...(bench.args ?? [])],
      { stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
    );
    let verdicts = false;
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (/^\s*(PASS|FAIL)\s/m.test(text)) verdicts = true;
      process.stdout.write(text);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, verdicts, ms: Date.now() - startedAt });
    });
  });

const results: { name: string; outcome: string; ms: number }[] = [];
for (const bench of BENCHES) {
  if (only && !only.includes(bench.name)) continue;
  if (bench.needsPostgres && !postgres) {
    results.push({ name: bench.name, outcome: 'non lancé : DATABASE_URL requis', ms: 0 });
    continue;
  }
  console.log(`\n===== bench ${bench.name} (${bench.file} --quick) =====`);
  const { code, verdicts, ms } = await run(bench);
  const outcome =
    code !== 0
      ? `CASSÉ (code de sortie ${code ?? 'tué'})`
      : verdicts
        ? 'tourne'
        : 'CASSÉ (aucun objectif affiché)';
  results.push({ name: bench.name, outcome, ms });
}

console.log(`\nBenchs en taille réduite (--quick)${postgres ? ', PostgreSQL' : ''} :`);
for (const { name, outcome, ms } of results)
  console.log(`  ${name.padEnd(18)} ${outcome.padEnd(36)} ${ms > 0 ? `${(ms / 1000).toFixed(0)} s` : ''}`);
const broken = results.filter((result) => result.outcome.startsWith('CASSÉ'));
if (broken.length > 0) {
  console.log(`${broken.length} bench(s) ne tourne(nt) plus.`);
  process.exitCode = 1;
}
