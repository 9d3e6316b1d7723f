#!/usr/bin/env node
// Generates server/src/languages/yamaha/data/commands.json (a trimmed, normalised copy of the Yamaha RTX
// command facts) from ../shared/reference/yamaha-rtx/{commands,models}.json. The repository root is a sibling
// of `shared/`. Run: node scripts/gen-yamaha-catalog.mjs [path/to/shared/reference/yamaha-rtx]
//
// Normalisation (our own, recorded here so the generated file can be reproduced):
// - every command gets `words` (its fixed words) and `validated` (true for the site-to-site IPsec/BGP
//   families we check strictly: ipsec*, tunnel*, bgp*, ip tunnel*, ip route, pp select, description);
// - `repeat: true` on a parameter written `name ...` in the syntax;
// - key=value parameters get `valueType` (int/enum/ipv4/string) from their values/min/max/note;
// - a few hand-curated corrections (OVERRIDES below) where the reference types are coarse.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
// `shared/` is a sibling of the repository root; from a git worktree under /work/wt/<name> it is two levels up.
function findShared() {
  for (let dir = resolve(repo, '..'); dir !== dirname(dir); dir = dirname(dir)) {
    const cand = join(dir, 'shared', 'reference', 'yamaha-rtx');
    if (existsSync(join(cand, 'commands.json'))) return cand;
  }
  throw new Error('shared/reference/yamaha-rtx not found beside the repository');
}
const src = resolve(process.argv[2] ?? findShared());
const out = join(repo, 'server', 'src', 'languages', 'yamaha', 'data', 'commands.json');

const commands = JSON.parse(readFileSync(join(src, 'commands.json'), 'utf8')).commands;
const modelsDoc = JSON.parse(readFileSync(join(src, 'models.json'), 'utf8'));

const STRICT_PREFIXES = ['ipsec ', 'tunnel ', 'bgp ', 'ip tunnel ', 'ip route'];
const STRICT_NAMES = new Set(['pp select', 'description', 'ipsec tunnel', 'ip route']);

/** Hand-curated corrections: command name -> function editing the normalised entry. */
const OVERRIDES = {
  'ipsec ike remote address': (c) => { c.params[1].type = 'host'; },
  'ipsec ike local address': (c) => { c.params[1].type = 'host'; c.freeTail = true; },
  'ipsec ike keepalive use': (c) => {
    const i = c.params.findIndex((p) => p.name === 'method');
    c.params.splice(i + 1, 0, { name: 'icmp_target', type: 'ipv4', optional: true, note: 'only after icmp-echo' });
    c.params.push({ name: 'length', type: 'key=value', valueType: 'int', min: 64, max: 1500, optional: true });
  },
  'bgp neighbor': (c) => {
    for (const p of c.params) {
      if (p.name === 'local-address') p.valueType = 'ipv4';
      if (p.name === 'gateway') p.valueType = 'string';
    }
  },
  'bgp import filter': (c) => filterParams(c),
  'bgp export filter': (c) => filterParams(c),
  'bgp aggregate filter': (c) => { c.validated = false; },
  'bgp force-to-advertise': (c) => { c.validated = false; },
  'bgp import': (c) => { c.params.find((p) => p.name === 'filter_num').repeat = true; },
  'bgp export': (c) => { c.params.find((p) => p.name === 'filter_num').repeat = true; },
  'bgp log': (c) => { c.params[0].repeat = true; },
  'tunnel enable': (c) => { c.params[0].repeat = true; },
  'tunnel disable': (c) => { c.params[0].repeat = true; },
  'description': (c) => { c.freeTail = true; c.params[1].optional = true; },
  'ipsec ike pre-shared-key': (c) => { c.params[2].secret = true; c.params[2].name = 'key'; },
  'ipsec ike xauth myname': (c) => { c.params[2].secret = true; },
  'ipsec ike eap myname': (c) => { c.params[2].secret = true; },
  'bgp neighbor pre-shared-key': (c) => { c.params[2].secret = true; },
  'ip route': (c) => { c.custom = 'ip-route'; },
  'tunnel backup': (c) => { c.freeTail = true; },
  'tunnel endpoint name': (c) => { c.freeTail = true; },
  'ipsec ike log': (c) => { c.params[1].repeat = true; },
  'ipsec ike group': (c) => { c.params[2].name = 'group2'; },
  'ipsec transport template': (c) => { c.params[1].repeat = true; },
  'tunnel template': (c) => { c.params[0].repeat = true; },
  'ip tunnel secure filter': (c) => { c.freeTail = true; c.params[1].repeat = true; },
  'ip tunnel nat descriptor': (c) => { c.freeTail = true; },
  'ip tunnel rip force-to-advertise': (c) => { c.validated = false; },
  'ip tunnel ospf area': (c) => { c.validated = false; },
  'ip tunnel rip receive': (c) => { c.freeTail = true; },
  'ip tunnel rip send': (c) => { c.freeTail = true; },
  'ip tunnel rip trust gateway': (c) => { c.freeTail = true; },
  'ip tunnel intrusion detection': (c) => { c.freeTail = true; },
  'ip tunnel mtu': (c) => { c.params = [{ name: 'mtu', type: 'int', min: 64, max: 1500, optional: false }]; },
  'ip tunnel traffic list': (c) => { c.params = [{ name: 'sw', type: 'on-off', values: ['on', 'off'], optional: false }]; },
  'ipsec ike queue length': (c) => { c.params = [{ name: 'length', type: 'int', min: 1, max: 2147483647, optional: false }]; },
  'ipsec ike mode-cfg address pool': (c) => { c.validated = false; },
  'ipsec ike pki file': (c) => { c.validated = false; },
  'ipsec ike xauth request': (c) => { c.params = [c.params[0], c.params[2], c.params[1]]; },
};

function filterParams(c) {
  c.params = c.params.filter((p) => p.name !== 'parameter');
  c.params.find((p) => p.name === 'prefix').repeat = true;
  c.params.push({ name: 'metric', type: 'key=value', valueType: 'int', min: 0, max: 2147483647, optional: true });
  c.params.push({ name: 'preference', type: 'key=value', valueType: 'int', min: 0, max: 2147483647, optional: true });
}

function kvValueType(p) {
  if (p.valueType) return p.valueType;
  if (p.min !== undefined || p.max !== undefined) return 'int';
  if (p.values && p.values.length) return 'enum';
  if (p.note && /ip\s*address|ipv4/i.test(p.note)) return 'ipv4';
  return 'string';
}

const out2 = [];
let validated = 0;
for (const raw of commands) {
  const c = {
    name: raw.name,
    words: raw.name.split(' '),
    syntax: raw.syntax,
    context: raw.context,
    params: (raw.params ?? []).map((p) => ({ ...p })),
    noForm: !!raw.no_form,
  };
  for (const k of ['forms', 'models', 'legacy', 'operational', 'note', 'printed_in', 'sets_context']) {
    if (raw[k] !== undefined) c[k === 'printed_in' ? 'printedIn' : k === 'sets_context' ? 'setsContext' : k] = raw[k];
  }
  if (raw.invalid_on_device) c.invalidOnDevice = true;
  if (raw.alias_of) c.aliasOf = raw.alias_of;
  if (raw.name_pattern) c.namePattern = raw.name_pattern;
  if (raw.source_section) c.section = raw.source_section;
  c.validated = STRICT_NAMES.has(raw.name) || STRICT_PREFIXES.some((p) => raw.name.startsWith(p));
  for (const p of c.params) {
    if (new RegExp(`\\b${p.name.replace(/[-]/g, '\\-')} \\.\\.\\.`).test(raw.syntax)) p.repeat = true;
    if (p.type === 'key=value') p.valueType = kvValueType(p);
    if (p.max_by_model) { p.maxByModel = true; delete p.max_by_model; }
  }
  // `ip_address[/mask]` is one word (address with an optional /mask); the reference sometimes lists the mask
  // as a second parameter, which made `ip pp address 203.0.113.5/32` look like a bad IPv4 address.
  const joined = c.params.findIndex((p, i) => p.type === 'ipv4' && c.params[i + 1]?.name === 'mask' && /\[\/mask\]/.test(c.syntax));
  if (joined >= 0) {
    c.params[joined].type = 'ipv4-prefix';
    c.params.splice(joined + 1, 1);
  }
  const fix = OVERRIDES[raw.name];
  if (fix) fix(c);
  if (c.params.some((p) => p.name === 'rekey')) {
    const p = c.params.find((q) => q.name === 'rekey');
    p.keyword = 'rekey';
    p.type = 'rekey';
  }
  if (c.validated) validated++;
  out2.push(c);
}

const models = modelsDoc.models.map((m) => ({
  model: m.model,
  series: m.series ?? null,
  maxTunnel: m.max_tunnel ?? null,
  gatewayIdMax: m.ipsec_gateway_id_max ?? null,
  maxPp: m.max_pp ?? null,
  licenseNote: m.max_tunnel_with_license ?? null,
  ikev2: m.ikev2 ?? null,
  bgp: m.bgp ?? null,
  confidence: m.confidence ?? null,
}));

const doc = {
  generatedBy: 'scripts/gen-yamaha-catalog.mjs',
  source: 'shared/reference/yamaha-rtx/commands.json + models.json (facts only)',
  headerRegex: modelsDoc.show_config_header.first_line_regex,
  models,
  commands: out2,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(doc) + '\n');
console.log(`wrote ${out}: ${out2.length} commands (${validated} validated strictly), ${models.length} models`);
