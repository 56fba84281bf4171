/**
 * The demo Lettrine the browser benches load: started with `npm start` on a free port and a fresh
 * embedded database (never the shell's DATABASE_URL), ready once it serves its first page.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export const startLettrine = async (port: number, dataDir: string): Promise<ChildProcess> => {
  // The demo firm lives in the embedded database: a DATABASE_URL of the shell must not leak in.
  const { DATABASE_URL: _server, ...env } = process.env;
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (exited) throw new Error('Lettrine stopped before it served a page (its error is above)');
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('Lettrine did not start within 3 minutes');
};
