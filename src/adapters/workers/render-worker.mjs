// The render worker under tsx (`npm start`, the tests): a worker thread does not inherit the main
// thread's TypeScript loader in every runner (vitest's does not), so it registers tsx for its own
// imports and loads the TypeScript module. A compiled build loads render-worker.js directly.
import { register } from 'tsx/esm/api';

const tsx = register({ namespace: 'lettrine-render-worker' });
const worker = await tsx.import('./render-worker.ts', import.meta.url);

export default worker.default;
