export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** `failures` by what went wrong: the HTTP status, or the error's message. */
export type Latencies = { samples: number[]; failures: Map<string, number>; seconds: number };

export const summary = (run: Latencies) => ({
  requests: run.samples.length,
  perSecond: run.samples.length / run.seconds,
  p50: percentile(run.samples, 50),
  p95: percentile(run.samples, 95),
  max: Math.max(...run.samples),
  failures: [...run.failures].map(([what, count]) => `${count} × ${what}`).join(', '),
});

/**
 * The client list, page after page (50 clients a page, cycling over every page of the portfolio),
 * `concurrency` requests in flight, until `until` settles; each request's latency recorded.
 */
export const listLoop = async (input: {
  baseUrl: string;
  headers: Record<string, string>;
  pages: number;
  concurrency: number;
  until: Promise<unknown>;
}): Promise<Latencies> => {
  let done = false;
  const finished = input.until.finally(() => {
    done = true;
  });
  const samples: number[] = [];
  const failures = new Map<string, number>();
  const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (!done) {
      const page = (next++ % input.pages) + 1;
      const begun = performance.now();
      const response = await fetch(
        `${input.baseUrl}/api/v1/engagements?state=client&pageSize=50&page=${page}`,
        { headers: input.headers },
      ).catch((error: Error) => {
        fail(error.cause instanceof Error ? error.cause.message : error.message);
        return undefined;
      });
      await response?.arrayBuffer();
      samples.push(performance.now() - begun);
      if (response && response.status !== 200) fail(`HTTP ${response.status}`);
    }
  };
  await Promise.all([...Array.from({ length: input.concurrency }, worker), finished.catch(() => {})]);
  return { samples, failures, seconds: (performance.now() - start) / 1000 };
};

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
