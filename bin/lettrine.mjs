#!/usr/bin/env node
// The `lettrine` command. In production it runs the compiled server (`npm run build` makes dist/):
// plain JavaScript, no TypeScript loader. Elsewhere it runs the sources through tsx's loader, so a
// newcomer's `npm install && npm start` needs no build step.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (process.env.NODE_ENV === 'production') {
  if (!existsSync(compiled)) {
    console.error('Lettrine n’est pas construite : lancez `npm run build` avant `npm start` en production.');
    process.exit(1);
  }
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
