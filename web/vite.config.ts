import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web app is built into web/dist, which the Fastify server serves at / (src/http/web-app.ts). */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  // `npx vite --config web/vite.config.ts` serves the app with hot reload next to `npm start`.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
