/**
 * Start time of the compiled server (`npm run build`, plain JavaScript) against the sources run
 * through tsx, in the same run, on one PGlite data folder seeded beforehand: from the process
 * start to the first 200 of /readyz (database open, migrations checked, jobs started).
 *
 *   npm run bench:start              # 3 starts of each
 *   npm run bench:start -- --quick   # 1 start of each
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printVerdicts, verdict } from './verdicts.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const rounds = quick ? 1 : 3;
const dataDir = mkdtempSync(join(tmpdir(), 'lettrine-start-'));
let port = 4400;

const startOnce = async (label: string, args: string[]): Promise<number> => {
  port += 1;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error(`${label}: no /readyz after 120 s`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ready) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
};

// Built now, from the sources measured beside it: a dist/ older than the migrations would be a
// server older than its schema, which /readyz rightly refuses.
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const variants = {
  'tsx (sources)': [join(root, 'bin', 'lettrine.mjs'), 'start'],
  'compilé (dist)': [join(root, 'dist', 'cli', 'main.js'), 'start'],
};
// The first start seeds the demo firm; it is not measured.
await startOnce('préparation', variants['compilé (dist)']);
const figures: Record<string, number[]> = {};
for (let round = 0; round < rounds; round++) {
  for (const [label, args] of Object.entries(variants)) {
    figures[label] = [...(figures[label] ?? []), await startOnce(label, args)];
  }
}
rmSync(dataDir, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(
  `\nDémarrage jusqu'à /readyz = 200 (PGlite, base de démonstration déjà créée), ${rounds} essai(s) :`,
);
for (const [label, values] of Object.entries(figures))
  console.log(
    `  ${label.padEnd(16)} médiane ${Math.round(median(values))} ms  (${values.map(Math.round).join(', ')} ms)`,
  );
const ratio = median(figures['tsx (sources)'] ?? []) / median(figures['compilé (dist)'] ?? [1]);
console.log(`  le compilé démarre ${ratio.toFixed(2)} × plus vite que tsx`);
printVerdicts(
  'démarrage',
  [verdict('le compilé démarre plus vite que tsx (ratio des médianes)', ratio.toFixed(2), '> 1', ratio > 1)],
  { strict: process.argv.includes('--strict'), quick },
);
