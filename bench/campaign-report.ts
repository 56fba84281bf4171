import { cpus } from 'node:os';
import type { InsertMethod } from './campaign-baseline.ts';
import { type Latencies, summary } from './campaign-latency.ts';
import type { cpuProfiler, profileSql } from './campaign-profile.ts';
import { printVerdicts, type Verdict, verdict } from './verdicts.ts';

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The best time of each way of inserting, and the time per table of the best run. */
export type Baseline = Record<InsertMethod, number> & { tables: Record<string, number> };

export type Figures = {
  clients: number;
  concurrency: number;
  version: string;
  isPostgres: boolean;
  previews: number[];
  /** The preview's rows read by hand (campaign-preview-baseline.ts), best of the rounds. */
  previewFloorMs: number;
  planned: number;
  generation: {
    ms: number;
    startMs: number;
    cpuShare: number;
    loopMaxMs: number;
    during: Latencies | undefined;
  };
  baseline: { before: Baseline; after: Baseline };
  /** Lines the baseline writes. */
  lineCount: number;
  check: { documents: number; engagements: number; lines: number };
  idle: (Latencies & { loopMaxMs: number }) | undefined;
};

const line = (label: string, value: string, target = '', verdict = '') =>
  console.log(`  ${label.padEnd(48)} ${value.padStart(22)}  ${target.padEnd(10)} ${verdict}`);

const printLatencies = (f: Figures): { during: number; idle: number } | undefined => {
  const { during } = f.generation;
  if (!during || !f.idle) return undefined;
  const row = (label: string, run: Latencies, loopMaxMs: number) => {
    const s = summary(run);
    line(
      label,
      `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.max.toFixed(0)} ms`,
      String(s.requests),
      `${loopMaxMs.toFixed(0)} ms${s.failures ? `, échecs : ${s.failures}` : ''}`,
    );
    return s;
  };
  console.log(`\n  Liste des clients (50 par page, ${f.concurrency} requêtes à la fois)`);
  line('', 'p50 / p95 / max', 'requêtes', 'le plus long sans tour de boucle');
  const d = row('  pendant la génération', during, f.generation.loopMaxMs);
  const i = row('  sans génération (même durée)', f.idle, f.idle.loopMaxMs);
  line('  p95 pendant / sans', (d.p95 / i.p95).toFixed(2));
  return { during: d.p95, idle: i.p95 };
};

/** Issue 19's targets (PostgreSQL); on PGlite the same figures are printed, judged as well. */
const verdicts = (
  f: Figures,
  rawMs: number,
  list: { during: number; idle: number } | undefined,
): Verdict[] => {
  const preview = Math.min(...f.previews);
  const ratio = f.generation.ms / rawMs;
  const { documents, engagements } = f.check;
  return [
    verdict(
      `aperçu, ${f.clients} clients (meilleur de ${f.previews.length})`,
      seconds(preview),
      '≤ 1 s',
      preview <= 1_000,
    ),
    verdict(
      '  clients prévus (summary.planned)',
      String(f.planned),
      `= ${f.clients}`,
      f.planned === f.clients,
    ),
    verdict('génération (start + run)', seconds(f.generation.ms), '≤ 15 s', f.generation.ms <= 15_000),
    verdict('génération / INSERT brut par lots (même exécution)', ratio.toFixed(2), '≤ 2', ratio <= 2),
    verdict(
      'lettres de la campagne (documents / clients)',
      `${documents} / ${engagements}`,
      `= ${f.clients}`,
      documents === f.clients && engagements === f.clients,
    ),
    verdict(
      'plus long arrêt de la boucle pendant la génération',
      `${f.generation.loopMaxMs.toFixed(0)} ms`,
      '≤ 100 ms',
      f.generation.loopMaxMs <= 100,
    ),
    ...(list
      ? [
          verdict(
            'liste des clients, p95 pendant / sans génération',
            `${list.during.toFixed(0)} / ${list.idle.toFixed(0)} ms = ${(list.during / list.idle).toFixed(2)}`,
            '≤ × 1,3',
            list.during / list.idle <= 1.3,
          ),
        ]
      : []),
  ];
};

export const report = (f: Figures, options: { strict: boolean; quick: boolean }) => {
  const { before, after } = f.baseline;
  const rawMs = Math.min(before.values, before.unnest, after.values, after.unnest);
  const bestTables = rawMs === Math.min(before.values, before.unnest) ? before.tables : after.tables;
  const preview = Math.min(...f.previews);
  const cpu = cpus();
  console.log(
    `\nCampagne de renouvellement, ${f.clients} clients — ${f.version}, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? '?'}`,
  );
  line('', 'mesure');
  line(`aperçu (meilleur de ${f.previews.length})`, seconds(preview));
  line('  lecture brute des mêmes lignes (même exécution)', seconds(f.previewFloorMs));
  line('génération (start + run)', seconds(f.generation.ms));
  line('  dont startCampaignGeneration', seconds(f.generation.startMs));
  line(
    '  CPU du processus (1 = un cœur tout du long)',
    `${seconds(f.generation.cpuShare * f.generation.ms)} = ${f.generation.cpuShare.toFixed(2)}`,
  );
  const ways = (b: Baseline) => `${seconds(b.values)} / ${seconds(b.unnest)}`;
  line('INSERT brut, values / unnest, avant', ways(before));
  line('INSERT brut, values / unnest, après', ways(after));
  line('  meilleur', seconds(rawMs));
  for (const [table, ms] of Object.entries(bestTables)) line(`    ${table}`, seconds(ms));
  line('  lignes : campagne / INSERT brut', `${f.check.lines} / ${f.lineCount}`);
  const list = printLatencies(f);
  printVerdicts(`campagne, ${f.version}`, verdicts(f, rawMs, list), options);
};

type CpuSummary = Awaited<ReturnType<Awaited<ReturnType<typeof cpuProfiler>>['stop']>>;

export const printCpu = (title: string, cpu: CpuSummary) => {
  const rows = (list: [string, number][]) => {
    for (const [name, ms] of list) console.log(`  ${seconds(ms).padStart(9)}  ${name}`);
  };
  console.log(`\nCPU, ${title} (${cpu.file}) : temps propre par fichier ou paquet`);
  rows(cpu.byPlace);
  console.log('  temps propre par fonction');
  rows(cpu.self);
  console.log('  temps total des fonctions de src/ (appelées comprises, sur la pile à l’échantillon)');
  rows(cpu.total);
};

type SqlStat = ReturnType<ReturnType<typeof profileSql>['stop']>[number];

/** Per phase, the statements costliest first: their count, rows and time from call to result. */
export const printProfile = (stats: SqlStat[], wall: Record<string, number>, rounds: number) => {
  const phases = [
    ['preview', `aperçu (${rounds} fois)`, 10],
    ['generation', 'génération', 16],
    ['other', 'le reste (création de la campagne, liste des clients pendant la génération)', 6],
  ] as const;
  console.log('\nSQL (--profile), temps de l’appel au résultat, par phase :');
  for (const [label, title, top] of phases) {
    const mine = stats.filter((s) => s.label === label);
    const total = mine.reduce((sum, s) => sum + s.ms, 0);
    const count = mine.reduce((n, s) => n + s.count, 0);
    const of = wall[label] ? ` sur ${seconds(wall[label])} de durée` : '';
    console.log(`\n  ${title} : ${count} requêtes, ${seconds(total)} cumulées${of}`);
    for (const s of mine.slice(0, top))
      console.log(
        `  ${seconds(s.ms).padStart(9)} ${String(s.count).padStart(6)} × ${String(s.rows).padStart(7)} lignes  ${s.statement}`,
      );
  }
};
