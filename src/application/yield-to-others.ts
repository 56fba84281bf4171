/**
 * Lets the requests that arrived meanwhile run before long work goes on (a campaign over thousands
 * of clients): PGlite's one connection, and the event loop, would otherwise serve the work first.
 */
export const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Clients scoped or planned between two turns of the event loop: a few milliseconds of work. */
export const CLIENTS_BETWEEN_TURNS = 50;
