// Keeps the arrows pointing down: web → domain → db / text / infra.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-not-web',
      comment: 'Domain modules know nothing of HTTP: only main, cli and app may import src/web.',
      severity: 'error',
      from: {
        path: '^src/(content|comments|ranking|privacy|accounts|newsroom|media|db|text|infra|demo|search|syndication|integrations|webhooks|ingest)/',
      },
      to: { path: '^src/web/' },
    },
    {
      name: 'lower-not-domain',
      comment: 'db, text and infra sit below the domains.',
      severity: 'error',
      from: { path: '^src/(db|text|infra)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^src/(content|comments|ranking|privacy|accounts|newsroom|media|demo|search|syndication|integrations|webhooks|ingest|web)/',
      },
    },
    {
      name: 'text-is-pure',
      comment: 'Text tools are pure functions: no database, no infrastructure.',
      severity: 'error',
      from: { path: '^src/text/' },
      to: { path: '^src/(db|infra)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.mts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
