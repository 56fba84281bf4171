/**
 * The layer rule (docs/architecture.md): domain ← application ← adapters | http ← main, cli.
 * Run by `npm run check` (and so by `npm test`): `depcruise src --config .dependency-cruiser.cjs`.
 * Colocated tests (`*.test.ts`) are exempt from the layer rules (they may import vitest and
 * test/ builders) but not from the cycle rule.
 */
const TEST_FILE = '\\.test\\.ts$';
const COMPOSITION_ROOT = '^src/(main\\.ts$|cli/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain holds pure rules: it imports only src/domain (no node: builtins, no npm package, ' +
        'no other layer).',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TEST_FILE },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'application-sees-only-domain',
      comment:
        'src/application (use cases, ports) imports only src/domain and src/application: no node: ' +
        'builtins, no npm package, no adapter, no http.',
      severity: 'error',
      from: { path: '^src/application/', pathNot: TEST_FILE },
      to: { pathNot: '^src/(domain|application)/' },
    },
    {
      name: 'adapters-not-http',
      comment: 'src/adapters and src/http do not import each other; main.ts and cli/ wire them together.',
      severity: 'error',
      from: { path: '^src/adapters/', pathNot: TEST_FILE },
      to: { path: '^src/http/' },
    },
    {
      name: 'http-not-adapters',
      comment: 'src/http and src/adapters do not import each other; main.ts and cli/ wire them together.',
      severity: 'error',
      from: { path: '^src/http/', pathNot: TEST_FILE },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'adapters-only-from-composition-roots',
      comment: 'Only src/adapters itself and the composition roots (src/main.ts, src/cli/) import src/adapters.',
      severity: 'error',
      from: { pathNot: [`^src/adapters/`, COMPOSITION_ROOT, TEST_FILE] },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'http-only-from-composition-roots',
      comment: 'Only src/http itself and the composition roots (src/main.ts, src/cli/) import src/http.',
      severity: 'error',
      from: { pathNot: [`^src/http/`, COMPOSITION_ROOT, TEST_FILE, '^web/'] },
      to: { path: '^src/http/' },
    },
    {
      name: 'web-sees-only-http-schemas',
      comment:
        'web/ (the browser app) imports from src/ only the HTTP schemas (src/http/*.schemas.ts, for their ' +
        'types) and the pure fee arithmetic of the domain (fees, money, kinds), so the editor computes ' +
        'totals exactly as the server does; never a use case, a store, a route or the config.',
      severity: 'error',
      from: { path: '^web/' },
      to: {
        path: '^src/',
        pathNot: ['^src/http/[^/]+\\.schemas\\.ts$', '^src/domain/(documents/(fees|kinds)|shared/money)\\.ts$'],
      },
    },
    {
      name: 'config-only-from-composition-roots',
      comment:
        'src/config.ts is the only reader of process.env; only the composition roots (src/main.ts, ' +
        'src/cli/) import it and pass values down as arguments.',
      severity: 'error',
      from: { pathNot: [COMPOSITION_ROOT, TEST_FILE] },
      to: { path: '^src/config\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a typo or a missing package fails here, not at run time).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The built web app (vite's output) is not source: its chunks import each other by design.
    exclude: { path: '^web/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
