// Checks the hand-written Libreswan hover texts against the keyword reference table.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Compiled to out/test/unit/libreswan-descriptions/, so the repo root is four levels up.
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const DATA_DIR = path.join(REPO_ROOT, 'server/src/languages/libreswan/data');

function findKeywordsJson(): string {
  const primary = path.resolve(__dirname, '../../../..', '../shared/reference/libreswan/keywords.json');
  if (fs.existsSync(primary)) return primary;
  if (process.env.VPNCONF_SHARED) {
    const p = path.join(process.env.VPNCONF_SHARED, 'reference/libreswan/keywords.json');
    if (fs.existsSync(p)) return p;
  }
  // Git worktrees may sit deeper than the main checkout: walk up to find shared/.
  let dir = REPO_ROOT;
  for (;;) {
    const p = path.join(dir, 'shared/reference/libreswan/keywords.json');
    if (fs.existsSync(p)) return p;
    const parent = path.dirname(dir);
    if (parent === dir) return primary;
    dir = parent;
  }
}

interface Description {
  summary: string;
  details: string;
  default: string | null;
  example: string;
  versions: string | null;
}

interface RefKeyword { name: string; section: string }

const refPath = findKeywordsJson();
const ref: RefKeyword[] = JSON.parse(fs.readFileSync(refPath, 'utf8'));
const descriptions: Record<string, Description> = JSON.parse(
  fs.readFileSync(path.join(DATA_DIR, 'descriptions.json'), 'utf8'));
const magic: Record<string, { summary: string; details: string }> = JSON.parse(
  fs.readFileSync(path.join(DATA_DIR, 'magic-values.json'), 'utf8'));

const keyOf = (k: RefKeyword): string => (k.name === '' ? 'left|right' : k.name);
const refNames = new Set(ref.map(keyOf));

// Sentences of ipsec.conf(5) (Libreswan 4.10 / 5.4 man page sources) that were
// compared while writing; our texts must not share 8 consecutive words with them.
const MAN_SENTENCES = [
  'How long a particular instance of a connection\'s IPsec SA (a set of encryption/authentication keys for user packets) should last',
  'whether a connection should be renegotiated when it is about to expire',
  'how long before connection expiry or keying-channel expiry should attempts to negotiate a replacement begin',
  'Maximum percentage by which rekeymargin should be randomly increased to randomize rekeying intervals',
  'If set, the MARK to set for the IPsec SA of this connection',
  'A mark value of -1 means to assign a new global unique mark number for each instance of the connection',
  'It can also be used with Virtual Tunnel Interfaces ("VTI") to direct marked traffic to specific vtiXX devices',
  'This requires that the connection also enables either the mark= or mark-in= / mark-out- option(s)',
  'Whether or not to add network rules or routes for IPsec SA\'s to the respective VTI devices',
  'Whether or not the VTI device is shared amongst connections',
  'the address/mask to configure on the VTI interface when vti-interface is set',
  'The IP address and netmask to configure on a virtual device',
  'Specify the IPsec Interface for "Routing based IPsec VPNs" (as opposed to "Policy based VPNs")',
  'All traffic that is routed to this interface will be automatically encrypted providing the IPsec SA policy covers this traffic',
  'the IP address or DNS hostname of the left participant\'s public-network interface',
  'How the left participant should be identified for authentication; defaults to left',
  'How the two security gateways should authenticate each other',
  'what operation, if any, should be done automatically at IPsec startup',
  'whether Perfect Forward Secrecy of keys is desired on the connection\'s keying channel',
  'A list of proposals specifying the cryptographic algorithms to negotiate when establishing an ESP Child SA',
  'A list of proposals specifying the cryptographic algorithms to negotiate when establishing an IKE SA',
  'Set the delay (in time units, defaults to seconds) between IKEv1\'s Dead Peer Detection or IKEv2\'s Liveness keepalives',
  'Set the length of time that pluto will idle without hearing back from the peer',
  'When a DPD enabled peer is declared dead, what action should be taken',
  'how many attempts (a whole number or %forever) should be made to negotiate a connection',
  'how long a single packet, including retransmits of that packet, may take before the IKE attempt is aborted',
  'the initial interval time period, specified in msecs, that pluto waits before retransmitting an IKE packet',
  'The size of the IPsec SA replay window protection in packets',
  'What to do with packets when negotiation fails',
  'What to do with packets during the IKE negotiation',
  'How many of the available X.509 intermediate CA certificates to send with the End certificate',
  'This option configures when Libreswan will send X.509 certificates to the remote host',
  'Whether IDs should be considered identifying remote parties uniquely',
  'What to do with received IKEv1 packets',
  'Whether the pluto IKE daemon should listen on the standard UDP ports of 500 and 4500',
  'The delay (in seconds) for NAT-T keep-alive packets, if these are enabled using nat-keepalive',
  'whether to send any NAT-T keep-alives',
  'Whether to use IKEv2 (RFC 7296) or IKEv1 (RFC 4301)',
  'A comma separated list of traffic selectors behind the left or right participant',
  'Specify multiple private subnets behind the participant',
  'Set the MTU for the route(s) to the remote endpoint and/or subnets',
  'Set the metric for added routes',
  'whether to send an INITIAL_CONTACT payload to the peer we are initiating to',
  'Whether pluto should produce Linux Auditing System log messages',
  'The number of half-open IKE SAs before the pluto IKE daemon will be placed in busy mode',
  'Contains the networks that are allowed as (left|right)subnet= for the remote clients',
  'Post-quantum preshared keys (PPKs) to be used',
];

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9%@._/:=|-]+/g) ?? [];
}

function ngrams(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

test('reference table was found and has the expected size', () => {
  assert.ok(fs.existsSync(refPath), `keywords.json not found at ${refPath}`);
  assert.equal(ref.length, 210);
  assert.equal(refNames.size, 210);
});

test('every reference keyword has a description with a non-empty summary', () => {
  const missing = [...refNames].filter((n) => !descriptions[n]?.summary?.trim());
  assert.deepEqual(missing, []);
});

test('no description for a name outside the reference table', () => {
  const extra = Object.keys(descriptions).filter((n) => !refNames.has(n));
  assert.deepEqual(extra, []);
});

test('entries have the expected shape', () => {
  for (const [name, d] of Object.entries(descriptions)) {
    assert.equal(typeof d.summary, 'string', name);
    assert.equal(typeof d.details, 'string', name);
    assert.ok(d.details.trim().length > 0, `${name}: empty details`);
    assert.ok(d.default === null || typeof d.default === 'string', `${name}: default`);
    assert.equal(typeof d.example, 'string', name);
    assert.ok(d.example.trim().length > 0, `${name}: empty example`);
    assert.ok(d.versions === null || typeof d.versions === 'string', `${name}: versions`);
  }
});

test('summaries are at most 160 characters and one sentence', () => {
  for (const [name, d] of Object.entries(descriptions)) {
    assert.ok(d.summary.length <= 160, `${name}: summary has ${d.summary.length} chars`);
    assert.ok(!/[.!?]\s+[A-Z]/.test(d.summary.replace(/\b(e\.g|i\.e|etc)\./g, '')), `${name}: more than one sentence`);
  }
});

test('details hold at most three sentences', () => {
  for (const [name, d] of Object.entries(descriptions)) {
    const n = d.details.replace(/\b(e\.g|i\.e|etc|vs)\./g, '').split(/[.!?](\s+|$)/).filter((s) => s && s.trim().length > 1).length;
    assert.ok(n <= 3, `${name}: details has ${n} sentences`);
  }
});

test('summaries are unique', () => {
  const seen = new Map<string, string>();
  for (const [name, d] of Object.entries(descriptions)) {
    const prev = seen.get(d.summary);
    assert.equal(prev, undefined, `${name} repeats the summary of ${prev}`);
    seen.set(d.summary, name);
  }
});

test('no text shares 8 consecutive words with the checked man page sentences', () => {
  const man = new Set<string>();
  for (const s of MAN_SENTENCES) for (const g of ngrams(s, 8)) man.add(g);
  const texts: Array<[string, string]> = [];
  for (const [name, d] of Object.entries(descriptions)) {
    texts.push([name, `${d.summary}\n${d.details}\n${d.versions ?? ''}`]);
  }
  for (const [name, m] of Object.entries(magic)) texts.push([name, `${m.summary}\n${m.details}`]);
  for (const [name, t] of texts) {
    for (const part of t.split('\n')) {
      for (const g of ngrams(part, 8)) assert.ok(!man.has(g), `${name}: copies man page wording "${g}"`);
    }
  }
});

test('magic values file covers the special values and secrets syntax', () => {
  for (const k of ['%defaultroute', '%any', '%any6', '%direct', '%opportunistic', '%opportunisticgroup', '%group',
    '%fromcert', '%none', '%cert', '%dns', '%dnsondemand', '%priv', '%no', '%forever', '%default',
    'PSK', 'XAUTH', 'PPKS', 'RSA', 'ECDSA', 'PIN', 'NULL', '0x', '0s', '0t']) {
    assert.ok(magic[k]?.summary?.trim(), `missing magic value ${k}`);
    assert.ok(magic[k].summary.length <= 160, `${k}: summary too long`);
  }
});
