import autocannon from 'autocannon';

export type Measure = { requests: number; seconds: number; latencies: number[]; failures: number };

/** Drives a server with autocannon, cycling over the paths; records every latency itself (autocannon has no p95). */
export const drive = async (input: {
  port: number;
  paths: string[];
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
}): Promise<Measure> => {
  let next = 0;
  const latencies: number[] = [];
  let failures = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${input.port}`,
    connections: input.connections,
    duration: input.seconds,
    headers: input.headers ?? {},
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: input.paths[next++ % input.paths.length] }),
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, milliseconds: number) => {
    latencies.push(milliseconds);
    if (status !== 200) failures++;
  });
  const result = await instance;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    latencies,
    failures: failures + result.errors + result.timeouts,
  };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;

/** Several runs of one target summed up: requests per second over all runs, latency percentiles. */
export const summarise = (runs: Measure[]) => {
  const sorted = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    perSecond: requests / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    requests,
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  };
};
