type Listener = (error: unknown) => void;
const listeners = new Set<Listener>();

/** An error with no field to sit next to: shown in the page's alert area (see ErrorBanner). */
export const notifyError = (error: unknown) => {
  for (const listener of listeners) listener(error);
};

export const onError = (listener: Listener) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
