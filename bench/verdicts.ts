/**
 * Issue 19, item 5: every bench prints its targets with PASS or FAIL, and with `--strict` exits
 * non-zero when one fails (without it, a bench is a measurement and exits 0 unless it broke).
 */
export type Verdict = { label: string; measured: string; target: string; passed: boolean };

/** The options every bench takes: `--quick` a smoke run in CI's time, `--strict` a failing exit code. */
export const VERDICT_OPTIONS = {
  strict: { type: 'boolean', default: false },
  quick: { type: 'boolean', default: false },
} as const;

export const verdict = (label: string, measured: string, target: string, passed: boolean): Verdict => ({
  label,
  measured,
  target,
  passed,
});

/** Prints the targets and sets the exit code under `--strict`; returns whether all passed. */
export const printVerdicts = (
  title: string,
  verdicts: Verdict[],
  options: { strict: boolean; quick: boolean },
) => {
  console.log(`\nObjectifs — ${title}${options.quick ? ' (--quick : tailles réduites, indicatif)' : ''}`);
  for (const v of verdicts)
    console.log(
      `  ${v.passed ? 'PASS' : 'FAIL'}  ${v.label.padEnd(52)} ${v.measured.padStart(16)}   objectif ${v.target}`,
    );
  const failed = verdicts.filter((v) => !v.passed).length;
  if (failed === 0) console.log('  Tous les objectifs sont tenus.');
  else
    console.log(
      `  ${failed} objectif(s) non tenu(s)${options.strict ? ' : code de sortie 1 (--strict)' : ' (sans --strict, le code de sortie reste 0)'}`,
    );
  if (failed > 0 && options.strict) process.exitCode = 1;
  return failed === 0;
};
