import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

type Stat = { count: number; ms: number; rows: number };

const phase = new AsyncLocalStorage<string>();

/** Runs fn with its statements counted under `label` (those sent from its transactions, at least). */
export const inPhase = <T>(label: string, fn: () => Promise<T>): Promise<T> => phase.run(label, fn);

const shapeOf = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/^select .*? from /i, 'select … from ')
    .replace(/\$\d+/g, '$')
    .replace(/(\(\$(, \$)*\))(, \(\$(, \$)*\))+/g, '($…)…')
    .slice(0, 150);

/**
 * Times every statement sent through node-postgres (PostgreSQL only), from the call to its result,
 * grouped by phase (`inPhase`; "other" for the rest, the client list's) and the statement's shape;
 * `stop()` restores the driver and returns the groups, costliest first. A statement sent outside a
 * transaction may wait for a pooled connection and then count as "other".
 */
export const profileSql = () => {
  const stats = new Map<string, Stat>();
  const original = pg.Client.prototype.query;
  const record = (label: string, text: string, start: number, rows: number) => {
    const key = `${label}\u0000${shapeOf(text)}`;
    const stat = stats.get(key) ?? { count: 0, ms: 0, rows: 0 };
    stat.count += 1;
    stat.ms += performance.now() - start;
    stat.rows += rows;
    stats.set(key, stat);
  };
  // biome-ignore lint/suspicious/noExplicitAny: the driver's overloads, passed through unchanged.
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]): any {
    const config = args[0];
    const text: string = typeof config === 'string' ? config : (config?.text ?? '');
    const start = performance.now();
    const label = phase.getStore() ?? 'other';
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last];
      args[last] = (error: unknown, result: { rowCount?: number } | undefined) => {
        record(label, text, start, result?.rowCount ?? 0);
        callback(error, result);
      };
      return original.apply(this, args as never);
    }
    const result = original.apply(this, args as never) as unknown;
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<{ rowCount?: number }>).then(
        (r) => record(label, text, start, r?.rowCount ?? 0),
        () => record(label, text, start, 0),
      );
    return result;
  } as typeof original;
  return {
    stop: () => {
      pg.Client.prototype.query = original;
      return [...stats]
        .map(([key, stat]) => {
          const [label = '', statement = ''] = key.split('\u0000');
          return { label, statement, ...stat };
        })
        .sort((a, b) => b.ms - a.ms);
    },
  };
};

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const placeOf = (url: string) => {
  const path = url.replace(/^file:\/\//, '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return inModules[1] ?? path;
  const inProject = /\/((?:src|bench|test)\/.*)$/.exec(path);
  return inProject?.[1] ?? (path || '(native)');
};

const sources = new Map<string, string[]>();

/**
 * A frame as its TypeScript source names it: tsx compiles each module to one line, so the line and
 * the name come from the module's source map (loaded in this process), then from the source line.
 */
const frameName = (frame: ProfileNode['callFrame']) => {
  const place = placeOf(frame.url);
  if (!/^(src|bench|test)\//.test(place)) return `${frame.functionName || '(anonyme)'} ${place}`;
  const entry = findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  const line = entry && 'originalLine' in entry ? entry.originalLine : frame.lineNumber;
  const path = fileURLToPath(frame.url);
  const lines = sources.get(path) ?? readFileSync(path, 'utf8').split('\n');
  sources.set(path, lines);
  const text = (lines[line] ?? '').trim();
  const name =
    frame.functionName ||
    /(?:const|function\*?|async)\s+(\w+)/.exec(text)?.[1] ||
    /(\w+)\s*[:=(]/.exec(text)?.[1] ||
    '(anonyme)';
  return `${name} ${place}:${line + 1}`;
};

/**
 * The CPU profile of one phase, taken with the inspector of this very process (so the phase alone,
 * not the seeding): written to `dir/<name>.cpuprofile` (for Chrome's DevTools) and summed up by self
 * time per function, and per file or package.
 */
export const cpuProfiler = async (dir: string) => {
  const { Session } = await import('node:inspector/promises');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await mkdir(dir, { recursive: true });
  return {
    start: () => session.post('Profiler.start'),
    stop: async (name: string) => {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      const file = `${dir}/${name}.cpuprofile`;
      await writeFile(file, JSON.stringify(profile));
      const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
      const parent = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      const names = new Map<number, string>();
      const nameOf = (node: ProfileNode) => {
        const known = names.get(node.id);
        if (known) return known;
        const name = frameName(node.callFrame);
        names.set(node.id, name);
        return name;
      };
      const add = (map: Map<string, number>, key: string, ms: number) =>
        map.set(key, (map.get(key) ?? 0) + ms);
      const self = new Map<string, number>();
      const byPlace = new Map<string, number>();
      // Total time of the project's own functions: each sample counted once per function on its stack.
      const total = new Map<string, number>();
      profile.samples.forEach((id, n) => {
        const ms = (profile.timeDeltas[n] ?? 0) / 1000;
        const node = nodes.get(id);
        if (!node) return;
        add(self, nameOf(node), ms);
        add(byPlace, placeOf(node.callFrame.url), ms);
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const frame = nodes.get(at);
          if (frame && /^src\//.test(placeOf(frame.callFrame.url))) seen.add(nameOf(frame));
        }
        for (const key of seen) add(total, key, ms);
      });
      const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
      return { file, self: top(self, 15), byPlace: top(byPlace, 12), total: top(total, 25) };
    },
    close: () => session.disconnect(),
  };
};
