/**
 * Benchmark (issue 17, must show): the firm-wide billing schedule of a 10 000-client portfolio for
 * 12 months, computed by Lettrine (the use case behind GET /billing/schedule: the store's
 * queries, then every month's totals summed letter by letter without building the entries, and
 * the first page of 50 entries) against a bare
 * SQL aggregation of the same months in the same run (each letter in force on the first of the
 * month, its annual recurring fees / 12, summed by PostgreSQL). Targets: Lettrine at least a fifth
 * of the bare SQL's speed, and under 2 s on PostgreSQL. Usage (see bench/README.md):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/billing-schedule.ts [--quick]
 */
import { parseArgs } from 'node:util';
import { firmScheduleEntries, getFirmSchedule } from '../src/application/billing/billing-schedule.ts';
import { type MonthTotal, monthTotals } from '../src/domain/billing/engagement-schedule.ts';
import { addToMonth, monthOf } from '../src/domain/billing/months.ts';
import { parisDate } from '../src/domain/shared/dates.ts';
import { benchDeps, openBenchDatabase, type RawSql, seedBenchFirm } from './campaign-setup.ts';
import { printVerdicts, VERDICT_OPTIONS, verdict } from './verdicts.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    ...VERDICT_OPTIONS,
  },
});
if (values.quick) Object.assign(values, { clients: '1000', rounds: '3' });
const clients = Number(values.clients);
const rounds = Number(values.rounds);

/** The floor: the schedule's months as PostgreSQL alone sums them, rows fetched and dropped. */
const bareScheduleSql = async (raw: RawSql, firmId: string, from: string, to: string) => {
  const { rows } = await raw.query(
    `with months as (
       select generate_series($2::date, $3::date, interval '1 month')::date as first_day),
     letters as (
       select d.id, d.effective_date, d.end_date, r.effective_date as replaced_from
         from documents d left join documents r on r.firm_id = d.firm_id and r.id = d.replaced_by_id
        where d.firm_id = $1 and d.kind in ('engagement_letter', 'replacement_letter')
          and d.status in ('signed', 'replaced') and d.effective_date is not null),
     annual as (
       select l.document_id,
              sum(round(l.quantity * l.unit_price_cents)
                  * case l.recurrence when 'monthly' then 12 when 'quarterly' then 4 else 1 end) as cents
         from document_lines l
        where l.firm_id = $1 and l.recurrence <> 'one_off'
        group by l.document_id)
     select m.first_day, count(*) as letters, sum(round(a.cents / 12.0)) as ht_cents
       from months m
       join letters t on t.effective_date <= m.first_day
        and (t.replaced_from is null or t.replaced_from > m.first_day)
        and (t.end_date is null or t.end_date >= m.first_day)
       join annual a on a.document_id = t.id
      group by m.first_day order by m.first_day`,
    [firmId, `${from}-01`, `${to}-01`],
  );
  return rows;
};

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;

const main = async () => {
  const bench = await openBenchDatabase(values.keep);
  try {
    console.log(`Échéancier du cabinet — ${clients} clients, 12 mois, ${bench.version}`);
    const deps = benchDeps(bench.database);
    const { firmId, actor, seconds } = await seedBenchFirm(deps, bench.database, clients);
    console.log(`  portefeuille semé en ${seconds.toFixed(1)} s`);
    const from = monthOf(parisDate(deps.clock.now()));
    const to = addToMonth(from, 11);
    const lettrine: number[] = [];
    const bare: number[] = [];
    let entries = 0;
    let sqlMonths: Record<string, unknown>[] = [];
    let months: MonthTotal[] = [];
    for (let round = 0; round < rounds; round += 1) {
      let start = performance.now();
      // What GET /billing/schedule answers: every month's totals and the first page of entries.
      const schedule = await getFirmSchedule(deps, actor, { from, to, page: 1, pageSize: 50 });
      lettrine.push(performance.now() - start);
      entries = schedule.entries.total;
      months = schedule.months;
      start = performance.now();
      sqlMonths = await bareScheduleSql(bench.raw, firmId, from, to);
      bare.push(performance.now() - start);
    }
    const [ours, floor] = [median(lettrine), median(bare)];
    // Untimed check: the totals equal those of the entries built one by one (the export's path).
    const exportStart = performance.now();
    const full = await firmScheduleEntries(deps, actor, { from, to });
    const all = [...full.months()].flat();
    const exportMs = performance.now() - exportStart;
    const same = JSON.stringify(monthTotals(all)) === JSON.stringify(months) && all.length === entries;
    console.log(`  Lettrine : ${ours.toFixed(0)} ms (médiane de ${rounds}), ${entries} échéances`);
    console.log(
      `  SQL nu   : ${floor.toFixed(0)} ms (médiane de ${rounds}), ${sqlMonths.length} mois agrégés`,
    );
    console.log(
      `  export de toutes les échéances (CSV, JSON) : ${exportMs.toFixed(0)} ms, ${all.length} échéances`,
    );
    const isPostgres = bench.version.startsWith('PostgreSQL');
    printVerdicts(
      `échéancier de ${clients} clients sur 12 mois`,
      [
        verdict(
          'au moins un cinquième de la vitesse du SQL nu',
          `${(floor / ours).toFixed(2)} ×`,
          '≥ 0,20 ×',
          floor / ours >= 0.2,
        ),
        verdict(
          `moins de 2 s${isPostgres ? '' : ' (objectif PostgreSQL, mesuré ici sur PGlite)'}`,
          `${ours.toFixed(0)} ms`,
          '< 2 000 ms',
          ours < 2000,
        ),
        verdict(
          'totaux identiques aux échéances une à une',
          same ? 'identiques' : 'DIFFÉRENTS',
          'au centime',
          same,
        ),
      ],
      { strict: values.strict, quick: values.quick },
    );
  } finally {
    await bench.raw.close();
    await bench.close();
  }
};

await main();
