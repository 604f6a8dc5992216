// Bundles the extension client, the language server and the command-line checker into dist/.
//   node esbuild.js               development build (source maps)
//   node esbuild.js --production  minified, no source maps
//   node esbuild.js --watch       rebuild on change
const fs = require('node:fs');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Options shared by the three bundles: self-contained CommonJS for Node 20. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  // Chinese text (the 条例, messages, hovers) as UTF-8 bytes, not \uXXXX escapes: 3 bytes a character instead of 6.
  charset: 'utf8',
  // The bundled libraries' licence comments are not kept in the bundle (their packages carry them).
  legalComments: 'none',
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
  // jsonc-parser's UMD build requires its parts at run time, out of esbuild's sight: bundle its ES modules.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

/**
 * The PDF reader (pdf.js, over a megabyte) is a bundle of its own, `dist/pdf-import.js`, required only
 * when a PDF is read: the server and the CLI start without it.
 */
const pdfApart = {
  name: 'pdf-apart',
  setup(build) {
    build.onResolve({ filter: /\/import\/pdf$/ }, () => ({ path: './pdf-import.js', external: true }));
  },
};

/**
 * What the CLI loads only when it converts (./host/conversions: the Word and web page readers, the Word
 * and web page writers; two thirds of the code) is a bundle of its own, `dist/conversions.js`: a
 * check of text reports starts without it, on the main thread and on every worker of --jobs.
 */
const conversionsApart = {
  name: 'conversions-apart',
  setup(build) {
    build.onResolve({ filter: /\/conversions$/ }, () => ({ path: './conversions.js', external: true }));
  },
};

/** Character maps pdf.js needs for Chinese fonts that a PDF does not embed (GB, CNS and Unicode ones). */
const CMAPS = /^(Adobe-(GB1|CNS1)|UniGB|UniCNS|GB|GBK|GBT|GBpc|GBKp|GBTpc|CNS|B5|B5pc|ETen|ETenms|ETHK|HK|Identity|H|V)([.-]|$)/;

function copyCmaps() {
  const from = 'node_modules/pdfjs-dist/cmaps';
  const to = 'dist/pdfjs-cmaps';
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) if (CMAPS.test(name) || name === 'LICENSE') fs.copyFileSync(`${from}/${name}`, `${to}/${name}`);
}

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  // `vscode` is provided by the editor at run time; everything else is bundled in.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [pdfApart] },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [pdfApart, conversionsApart],
  },
  { ...common, entryPoints: ['server/src/host/conversions.ts'], outfile: 'dist/conversions.js', plugins: [pdfApart] },
  { ...common, entryPoints: ['server/src/import/pdf/index.ts'], outfile: 'dist/pdf-import.js' },
];

async function main() {
  if (watch) {
    const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  fs.rmSync('dist', { recursive: true, force: true }); // no stale bundles or source maps
  await Promise.all(bundles.map((options) => esbuild.build(options)));
  copyCmaps();
  fs.chmodSync('dist/cli.js', 0o755); // runnable as ./dist/cli.js and through `bin`
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
