import { cpus } from 'node:os';
import type { BaselineRows, InsertMethod } from './campaign-baseline.ts';
import { type Latencies, summary } from './campaign-latency.ts';
import type { cpuProfiler, profileSql } from './campaign-profile.ts';

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The best time of each way of inserting, and the time per table of the best run. */
export type Baseline = Record<InsertMethod, number> & { tables: Record<string, number> };

export type Figures = {
  clients: number;
  concurrency: number;
  version: string;
  isPostgres: boolean;
  previews: number[];
  planned: number;
  generation: {
    ms: number;
    startMs: number;
    cpuShare: number;
    loopMaxMs: number;
    during: Latencies | undefined;
  };
  baseline: { before: Baseline; after: Baseline };
  rows: BaselineRows;
  check: { documents: number; engagements: number; lines: number };
  idle: (Latencies & { loopMaxMs: number }) | undefined;
};

const line = (label: string, value: string, target = '', verdict = '') =>
  console.log(`  ${label.padEnd(48)} ${value.padStart(22)}  ${target.padEnd(10)} ${verdict}`);

const printLatencies = (f: Figures) => {
  const { during } = f.generation;
  if (!during || !f.idle) return;
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
};

export const report = (f: Figures) => {
  const { before, after } = f.baseline;
  const rawMs = Math.min(before.values, before.unnest, after.values, after.unnest);
  const bestTables = rawMs === Math.min(before.values, before.unnest) ? before.tables : after.tables;
  const preview = Math.min(...f.previews);
  const ratio = f.generation.ms / rawMs;
  // Targets are judged on PostgreSQL only; the checks of the counts, everywhere.
  let failed = false;
  const mark = (passed: boolean) => {
    if (!f.isPostgres) return '(cible PostgreSQL)';
    failed ||= !passed;
    return passed ? 'PASS' : 'FAIL';
  };
  const check = (passed: boolean) => {
    failed ||= !passed;
    return passed ? 'ok' : 'FAUX';
  };
  const cpu = cpus();
  console.log(
    `\nCampagne de renouvellement, ${f.clients} clients — ${f.version}, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? '?'}`,
  );
  line('', 'mesure', 'objectif');
  line(`aperçu (meilleur de ${f.previews.length})`, seconds(preview), '< 2 s', mark(preview < 2_000));
  line(
    '  clients prévus (summary.planned)',
    String(f.planned),
    `= ${f.clients}`,
    check(f.planned === f.clients),
  );
  line('génération (start + run)', seconds(f.generation.ms), '< 60 s', mark(f.generation.ms < 60_000));
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
  line('ratio génération / INSERT brut', ratio.toFixed(2), '≤ 5', mark(ratio <= 5));
  const { documents, engagements, lines } = f.check;
  line(
    'lettres de la campagne (documents / clients)',
    `${documents} / ${engagements}`,
    `= ${f.clients}`,
    check(documents === f.clients && engagements === f.clients),
  );
  line('  lignes : campagne / INSERT brut', `${lines} / ${f.rows.lineCount}`);
  printLatencies(f);
  if (failed)
    console.log(
      '\n!!!!!!!! ÉCHEC : au moins un objectif ou une vérification n’est pas tenu (voir ci-dessus) !!!!!!!!',
    );
  else if (f.isPostgres) console.log('\nTous les objectifs sont tenus.');
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
