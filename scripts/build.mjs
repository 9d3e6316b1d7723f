// Bundles the extension client, the language server and the CLI with esbuild into dist/.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

/**
 * Start-up cost of the bundles (BENCH.md "Profiles and fixes"): every JSON file is emitted as
 * `JSON.parse("...")` — V8 skips a string literal when it pre-parses the bundle and parses JSON faster
 * than the same data as an object literal — and iconv-lite's CJK tables other than Shift_JIS (vpnconf
 * decodes CP932 only: languages/yamaha/decode.ts) are left out (~500 KB of the bundle). The CLI bundle
 * is also written without comments and indentation (`minifyWhitespace`; names are kept and the source
 * map still points into the sources): 1.15 -> 0.97 MB, and pure ASCII — a few comments of ip-address and
 * iconv-lite carry `§`, `—`, `¥`, which made Node read the whole bundle as a two-byte string.
 */
const startup = {
  name: 'vpnconf-startup',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => {
      if (/iconv-lite[\\/]encodings[\\/]tables[\\/]/.test(args.path) && !/[\\/]shiftjis\.json$/.test(args.path)) {
        return { contents: 'throw new Error("vpnconf bundles only the Shift_JIS (CP932) table of iconv-lite");', loader: 'js' };
      }
      const text = readFileSync(args.path, 'utf8');
      return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
    });
  },
};

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', plugins: [startup] };
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', minifyWhitespace: true, banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli.js', 0o755);
