/**
 * Whole-pipeline fuzzing: WorkspaceStore + runChecks + hover/completion/definition at random positions,
 * symbols, folding, code actions and the CLI formats, on generated workspaces (hosts with ipsec.conf,
 * ipsec.d/, secrets, frr/ and a Yamaha file, written from the grammars with marked secrets), on mutated
 * corpus workspaces and on random bytes. Invariants: see invariants.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeYamahaBytes } from '../../server/src/languages/yamaha/decode';
import { collectSecrets } from '../../server/src/cli/secrets';
import { uriOfPath, WorkspaceStore } from '../../server/src/workspace/workspace';
import { check } from './config';
import { fileArb, frrBlockArb, frrLineArb, libreswanLineArb, libreswanSectionArb, noiseArb, secretsLineArb, SECRET_MARK, tunnelConnArb, yamahaLineArb } from './grammar';
import { checkPipeline, stats, type FuzzFile } from './invariants';
import { mutatedSeedArb, seeds } from './corpus';

/** Pieces of an ipsec.conf (mostly well-formed sections and tunnel conns, some stray lines) and of an FRR file. */
const confPart = fc.oneof({ weight: 3, arbitrary: libreswanSectionArb }, { weight: 2, arbitrary: tunnelConnArb }, { weight: 1, arbitrary: libreswanLineArb });
const frrPart = fc.oneof({ weight: 4, arbitrary: frrBlockArb }, { weight: 1, arbitrary: frrLineArb });

/** One host folder of a generated workspace. */
const hostArb = (name: string): fc.Arbitrary<FuzzFile[]> =>
  fc.tuple(fileArb(confPart, 6), fileArb(confPart, 4), fileArb(secretsLineArb, 6), fileArb(frrPart, 6), fc.boolean()).map(([conf, inc, sec, frr, withInclude]) => [
    { path: `/ws/${name}/ipsec.conf`, text: (withInclude ? 'include /etc/ipsec.d/*.conf\n' : '') + conf },
    { path: `/ws/${name}/ipsec.d/t.conf`, text: inc },
    { path: `/ws/${name}/ipsec.secrets`, text: sec },
    { path: `/ws/${name}/frr/bgpd.conf`, text: frr },
  ]);

/** A generated workspace: two Libreswan/FRR hosts and a Yamaha router (so cross-host pairing gets exercised). */
const workspaceArb: fc.Arbitrary<FuzzFile[]> = fc
  .tuple(hostArb('east'), hostArb('west'), fileArb(yamahaLineArb, 40), fc.boolean())
  .map(([a, b, rtx, header]) => [...a, ...b, { path: '/ws/branch/rtx1210.rtx', text: (header ? '# RTX1210 Rev.14.01.42 (Fri Jan 1 00:00:00 2021)\n' : '') + rtx }]);

const RUNS = 40;

test('pipeline: generated workspaces (grammar tokens, marked secrets)', () => {
  check(fc.property(workspaceArb, fc.integer(), fc.constantFrom('4' as const, '5' as const), (files, seed, v) => {
    checkPipeline(files, seed, 8, v);
  }), RUNS);
});

test('pipeline: mutated corpus and example workspaces', (t) => {
  const pool = seeds();
  if (!pool.length) return t.skip('no seeds');
  check(fc.property(mutatedSeedArb(pool), fc.integer(), (s, seed) => {
    checkPipeline(s.files, seed, 4, '5', 'recognized');
  }), RUNS);
});

test('pipeline: random bytes in every language', () => {
  const bytesFile = (path: string, lang?: FuzzFile['lang']): fc.Arbitrary<FuzzFile> => fc.uint8Array({ maxLength: 1500 }).map((b) => ({ path, text: decodeYamahaBytes(b).text, lang }));
  check(fc.property(fc.tuple(bytesFile('/ws/h/ipsec.conf'), bytesFile('/ws/h/ipsec.secrets'), bytesFile('/ws/h/frr/bgpd.conf'), bytesFile('/ws/r/x.rtx')), fc.integer(), (files, seed) => {
    checkPipeline(files, seed, 6);
  }), RUNS);
});

test('pipeline: every secret the grammar writes is collected for redaction', () => {
  // The last line of defence (server + CLI) redacts what collectSecrets finds; every marked secret in a
  // well-formed secret position (Libreswan secrets, Yamaha pre-shared-key, FRR password) must be in it.
  const arb = fc.tuple(fc.array(fc.oneof(secretsLineArb.map((l) => ['s', l] as const), yamahaLineArb.filter((l) => l.startsWith('ipsec ike pre-shared-key')).map((l) => ['y', l] as const), frrLineArb.filter((l) => l.includes(SECRET_MARK) && /\bpassword\b/.test(l)).map((l) => ['f', l] as const)), { minLength: 1, maxLength: 6 }), noiseArb);
  check(fc.property(arb, ([lines]) => {
    const store = new WorkspaceStore({ libreswanVersion: '5' });
    const by = { s: [] as string[], y: [] as string[], f: [] as string[] };
    for (const [k, l] of lines) by[k].push(l);
    store.set(uriOfPath('/ws/h/ipsec.secrets'), by.s.join('\n'), 1);
    store.set(uriOfPath('/ws/r/x.rtx'), by.y.join('\n'), 1, 'yamaha-rtx');
    store.set(uriOfPath('/ws/h/frr/bgpd.conf'), `router bgp 65000\n neighbor 10.0.0.1 remote-as 65001\n${by.f.join('\n')}`, 1);
    const secrets = collectSecrets(store.snapshot());
    const written = lines.flatMap(([k, l]) => (k === 's' && /:\s*(PPKS|EAP|XAUTH|PSK|)\s*["']?Zq7Xk/.test(l)) || k !== 's' ? [...l.matchAll(/Zq7Xk[A-Za-z0-9]+/g)].map((m) => m[0]) : []);
    for (const w of written) assert.ok(secrets.some((s) => s.includes(w) || w.includes(s)), `secret ${w} of ${JSON.stringify(lines)} not collected (have ${secrets.length})`);
  }), 100);
});

test('pipeline timing summary', () => {
  assert.ok(stats.cases >= 0);
  console.log(`pipeline fuzz: ${stats.cases} timed cases, worst ${stats.worstMs.toFixed(1)} ms, worst ratio ${stats.worstRatio.toFixed(3)} of budget (${stats.worstWhat})`);
});
