/**
 * `npm run build`: the production build. Compiles the server (src → dist, with the migrations and
 * every other file the code reads beside it) and the web app (web → web/dist), so that
 * `NODE_ENV=production npm start` runs plain JavaScript: no TypeScript loader, no Vite.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const started = Date.now();

const run = (args) => {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

rmSync(dist, { recursive: true, force: true });
run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);

/** Files the server reads at run time beside its modules: migrations, word lists, templates. */
const assetsIn = (folder) =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return assetsIn(path);
    return /\.(ts|tsx)$/.test(name) ? [] : [path];
  });
const assets = assetsIn(src);
for (const file of assets) cpSync(file, join(dist, relative(src, file)));

run([join(root, 'web', 'build-if-stale.mjs'), '--force']);
console.log(
  `Construction de production terminée en ${((Date.now() - started) / 1000).toFixed(1)} s : serveur dans dist/ (${assets.length} fichiers joints), application web dans web/dist/.`,
);
