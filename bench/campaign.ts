/**
 * Issue 5's figures: a renewal campaign over a portfolio of 10 000 clients (a six-line letter and
 * two amendments each): the preview's time, the generation's time against a plain batched INSERT of
 * the same rows in the same run, and the client list's latency while the campaign generates.
 *
 *   npm run bench:campaign                                   # PGlite in memory
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:campaign
 *   npm run bench:campaign -- --clients 2000 --rounds 3 --profile --cpu-profile /tmp/campaign-profile
 */
import { parseArgs } from 'node:util';
import type { Actor } from '../src/application/actor.ts';
import {
  runCampaignGeneration,
  startCampaignGeneration,
} from '../src/application/campaigns/generate-campaign.ts';
import { createCampaign } from '../src/application/campaigns/manage-campaigns.ts';
import { previewCampaign } from '../src/application/campaigns/preview-campaign.ts';
import type { Deps } from '../src/application/ports/index.ts';
import {
  type BaselineRows,
  INSERT_METHODS,
  type InsertMethod,
  prepareBaselineRows,
  rawInsert,
} from './campaign-baseline.ts';
import { type Latencies, listLoop, sleep } from './campaign-latency.ts';
import { readPortfolioRaw } from './campaign-preview-baseline.ts';
import { cpuProfiler, inPhase, profileSql } from './campaign-profile.ts';
import { type Baseline, printCpu, printProfile, report, seconds } from './campaign-report.ts';
import {
  benchDeps,
  listenAsAssocie,
  openBenchDatabase,
  type RawSql,
  seedBenchFirm,
} from './campaign-setup.ts';
import { VERDICT_OPTIONS } from './verdicts.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000' },
    /** Previews timed, and baseline runs of each way before and after the generation. */
    rounds: { type: 'string', default: '2' },
    /** Requests of the client list in flight during (and without) the generation. */
    concurrency: { type: 'string', default: '2' },
    /** Times every SQL statement of the preview and the generation (PostgreSQL only). */
    profile: { type: 'boolean', default: false },
    /** Writes the CPU profiles of the preview and of the generation to this folder, and sums them up. */
    'cpu-profile': { type: 'string' },
    /** Generates without the client list running meanwhile (no latency figures then). */
    'no-list': { type: 'boolean', default: false },
    /** Leaves the PostgreSQL database lettrine_bench_campaign in place for inspection. */
    keep: { type: 'boolean', default: false },
    ...VERDICT_OPTIONS,
  },
});
// A smoke run in CI's time: the same steps on 500 clients, once.
if (values.quick) Object.assign(values, { clients: '500', rounds: '1' });
const clients = Number(values.clients);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);

const SETTINGS = {
  revaluation: { method: 'coefficient', coefficient: '1.03' },
  rounding: 'cent',
  effectiveDate: '2027-01-01',
  validUntil: '2026-12-31',
} as const;

const time = async <T>(fn: () => Promise<T>) => {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
};

/** Each way of inserting, `rounds` times: the best time of each way, and the best run's tables. */
const baselineRuns = async (raw: RawSql, rows: BaselineRows): Promise<Baseline> => {
  const best: Baseline = { values: Number.POSITIVE_INFINITY, unnest: Number.POSITIVE_INFINITY, tables: {} };
  for (let round = 0; round < rounds; round++)
    for (const method of Object.keys(INSERT_METHODS) as InsertMethod[]) {
      const run = await inPhase('baseline', () => rawInsert(raw, rows, method));
      console.log(`  INSERT brut (${method}) : ${seconds(run.ms)}`);
      if (run.ms < Math.min(best.values, best.unnest)) best.tables = run.tables;
      best[method] = Math.min(best[method], run.ms);
    }
  return best;
};

/** After the generation: one draft per client, linked to the campaign, and its lines. */
const checkGenerated = async (raw: RawSql, firmId: string, campaignId: string) => {
  const { rows } = await raw.query(
    `select count(*) as documents, count(distinct d.engagement_id) as engagements,
       (select count(*) from document_lines l join documents x on x.firm_id = l.firm_id and x.id = l.document_id
         where x.firm_id = $1 and x.campaign_id = $2) as lines
     from documents d where d.firm_id = $1 and d.campaign_id = $2`,
    [firmId, campaignId],
  );
  const row = rows[0] ?? {};
  return { documents: Number(row.documents), engagements: Number(row.engagements), lines: Number(row.lines) };
};

/**
 * The longest the event loop went without running a 10 ms timer while `fn` ran: how long a request
 * arriving then waited before it was even read. A loop starved to the end counts until the end.
 */
const withLoopDelay = async <T>(fn: () => Promise<T>) => {
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const timer = setInterval(tick, 10);
  const result = await fn();
  clearInterval(timer);
  tick();
  return { result, loopMaxMs: longest };
};

/** start + run of the generation, the client list looping meanwhile unless --no-list. */
const measureGeneration = async (
  deps: Deps,
  actor: Actor,
  campaignId: string,
  list: (until: Promise<unknown>) => Promise<Latencies>,
) => {
  const cpuStart = process.cpuUsage();
  let startMs = 0;
  const generation = time(() =>
    inPhase('generation', async () => {
      startMs = (await time(() => startCampaignGeneration(deps, actor, { id: campaignId }))).ms;
      await runCampaignGeneration(deps, { firmId: actor.firmId, campaignId });
    }),
  );
  const { result: during, loopMaxMs } = await withLoopDelay(async () => {
    if (!values['no-list']) return list(generation);
    await generation;
    return undefined;
  });
  const { ms } = await generation;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, startMs, during, loopMaxMs, cpuShare: (cpu.user + cpu.system) / 1000 / ms };
};

const main = async () => {
  const bench = await openBenchDatabase(values.keep);
  const isPostgres = bench.database.kind === 'postgres';
  try {
    console.log(`Base : ${bench.version} ; ${clients} clients`);
    const deps = benchDeps(bench.database);
    const { firmId, actor } = await seedBenchFirm(deps, bench.database, clients);
    const http = await listenAsAssocie(deps);
    const list = (until: Promise<unknown>) =>
      listLoop({ ...http, pages: Math.ceil(clients / 50), concurrency, until });
    await list(sleep(1_000)); // warm-up

    const sql = values.profile && isPostgres ? profileSql() : undefined;
    const cpu = values['cpu-profile'] ? await cpuProfiler(values['cpu-profile']) : undefined;
    const campaign = await createCampaign(deps, actor, { name: 'Renouvellement 2027', settings: SETTINGS });
    const previews: number[] = [];
    let planned = 0;
    await cpu?.start();
    for (let round = 0; round < rounds; round++) {
      const { ms, result } = await time(() =>
        inPhase('preview', () => previewCampaign(deps, actor, campaign.id)),
      );
      previews.push(ms);
      planned = result.summary.planned;
      console.log(`  aperçu : ${seconds(ms)} (${planned} clients prévus)`);
    }
    const previewCpu = await cpu?.stop('preview');
    let previewFloorMs = Number.POSITIVE_INFINITY;
    for (let round = 0; round < rounds; round++)
      previewFloorMs = Math.min(previewFloorMs, (await readPortfolioRaw(bench.raw, firmId)).ms);
    console.log(`  lecture brute des mêmes lignes : ${seconds(previewFloorMs)}`);

    // Prepared again for the runs after: 10 000 letters held in the heap during the generation made
    // the product's garbage collection pay for the bench's own data.
    const prepareRows = () =>
      inPhase('baseline', () =>
        prepareBaselineRows(bench.raw, {
          firmId,
          userId: actor.userId,
          campaignId: campaign.id,
          coefficient: SETTINGS.revaluation.coefficient,
          effectiveDate: SETTINGS.effectiveDate,
          validUntil: SETTINGS.validUntil,
        }),
      );
    const { before, lineCount } = await prepareRows().then(async (rows) => {
      console.log(
        `Base de comparaison avant la génération (${rows.documentIds.length} lettres, ${rows.lineCount} lignes)…`,
      );
      return { before: await baselineRuns(bench.raw, rows), lineCount: rows.lineCount };
    });

    console.log('Génération…');
    await cpu?.start();
    const generation = await measureGeneration(deps, actor, campaign.id, list);
    const generationCpu = await cpu?.stop('generation');
    cpu?.close();
    const sqlStats = sql?.stop();
    const check = await checkGenerated(bench.raw, firmId, campaign.id);

    console.log('Base de comparaison après la génération…');
    const after = await baselineRuns(bench.raw, await prepareRows());
    const idle = generation.during ? await withLoopDelay(() => list(sleep(generation.ms))) : undefined;
    await http.app.close();

    report(
      {
        clients,
        concurrency,
        version: bench.version,
        isPostgres,
        previews,
        previewFloorMs,
        planned,
        generation,
        baseline: { before, after },
        lineCount,
        check,
        idle: idle && { ...idle.result, loopMaxMs: idle.loopMaxMs },
      },
      { strict: values.strict, quick: values.quick },
    );
    if (previewCpu) printCpu(`aperçu (${rounds} fois)`, previewCpu);
    if (generationCpu) printCpu('génération', generationCpu);
    if (sqlStats)
      printProfile(
        sqlStats,
        { preview: previews.reduce((a, b) => a + b, 0), generation: generation.ms },
        rounds,
      );
  } finally {
    await bench.close();
  }
};

await main();
