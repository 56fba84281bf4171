/**
 * Builds the web app when web/dist is missing or older than its sources, so that `npm install`
 * (postinstall) and `npm start` (prestart) serve the current app without an extra command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const web = fileURLToPath(new URL('.', import.meta.url));
const built = join(web, 'dist', 'index.html');

const newestIn = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestIn(join(path, name))));
};

const builtAt = (() => {
  try {
    return statSync(built).mtimeMs;
  } catch {
    return 0;
  }
})();
const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) => join(web, name));
const changedAt = Math.max(...sources.map(newestIn));
if (builtAt >= changedAt && process.argv[2] !== '--force') process.exit(0);

const vite = join(web, '..', 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(vite)) {
  // A production install (npm ci --omit=dev) has no Vite: it serves the build `npm run build` made.
  if (builtAt > 0) process.exit(0);
  console.error(
    'Application web non construite et Vite absent : lancez `npm run build` avec les dépendances de développement.',
  );
  process.exit(process.argv[2] === '--if-possible' ? 0 : 1);
}
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [vite, 'build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'],
  {
    stdio: 'inherit',
  },
);
if (run.status !== 0) process.exit(run.status ?? 1);

// Served as they are by @fastify/static (preCompressed) to browsers that accept them: a quarter of
// the bytes, with no compression work per request.
const assets = join(web, 'dist', 'assets');
for (const name of readdirSync(assets).filter((file) => /\.(js|css|svg)$/.test(file))) {
  const body = readFileSync(join(assets, name));
  writeFileSync(
    join(assets, `${name}.br`),
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
  );
  writeFileSync(join(assets, `${name}.gz`), gzipSync(body, { level: 9 }));
}
console.log(`Application web construite en ${((Date.now() - started) / 1000).toFixed(1)} s (web/dist).`);
