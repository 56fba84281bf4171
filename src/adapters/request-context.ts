import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestContext } from '../application/ports/index.ts';

/** The RequestContext port on AsyncLocalStorage: the id follows every await of the work run under it. */
export const createRequestContext = (): RequestContext => {
  const storage = new AsyncLocalStorage<string>();
  return {
    run: (requestId, fn) => storage.run(requestId, fn),
    currentRequestId: () => storage.getStore(),
  };
};
