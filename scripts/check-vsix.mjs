// Lists the entries of the packaged .vsix (read from the zip central directory) and fails when anything
// outside the expected set is inside: no TypeScript sources, tests, source maps or node_modules.
// Usage: node scripts/check-vsix.mjs [file.vsix]   (default: <name>-<version>.vsix in the repository root)
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const file = process.argv[2] ?? `${pkg.name}-${pkg.version}.vsix`;
const zip = readFileSync(file);

/** Names of all entries, from the End Of Central Directory record and the central directory. */
function entries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const allowed = [
  /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/, /^extension\/(LICENSE|README|CHANGELOG)(\.md|\.txt)?$/i,
  /^extension\/dist\/(client|server|cli)\.js$/, /^extension\/syntaxes\/[\w-]+\.tmLanguage\.json$/,
  /^extension\/snippets\/[\w-]+\.json$/, /^extension\/language-configuration\/[\w-]+\.json$/,
  /^extension\/images\/icon\.png$/, /^extension\/docs\/[\w-]+\.png$/,
];
const required = ['extension/dist/client.js', 'extension/dist/server.js', 'extension/package.json', 'extension/images/icon.png'];

const names = entries(zip);
for (const n of names) console.log(n);
const bad = names.filter((n) => !allowed.some((re) => re.test(n)));
const missing = required.filter((r) => !names.includes(r));
if (bad.length || missing.length) {
  if (bad.length) console.error(`unexpected in ${file}:\n  ${bad.join('\n  ')}`);
  if (missing.length) console.error(`missing from ${file}:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`${file}: ${names.length} entries, all expected`);
