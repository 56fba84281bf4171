import { ApiError } from '../api/client.ts';

type Listener = (message: string) => void;
const listeners = new Set<Listener>();

/** An error with no field to sit next to: shown in the page's alert area (see ErrorBanner). */
export const notifyError = (error: unknown) => {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  for (const listener of listeners) listener(message);
};

export const onError = (listener: Listener) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
