/**
 * The server's edit path is incremental: the store records which files changed between snapshots
 * (`changedSince`), `analyze` revisits only those files and the files whose workspace findings moved, the
 * tunnel model rebuilds the changed hosts and re-pairs only the ends whose pairing can change
 * (tunnel-join.ts `rejoin`), and `workspaceSecrets` keeps the secrets list while no changed file's secrets
 * changed. Property: after every edit of a random sequence on a multi-host workspace (hosts paired in a
 * ring; edits to PSKs, marks, `leftvti`, local and remote addresses, conns added and removed, secrets and
 * FRR files deleted and re-created, typos), each file's findings, the secrets and the pairing equal those
 * of a fresh store holding the same files, analyzed from scratch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, CheckCache, type SeverityOverrides } from '../../server/src/checks/run';
import { collectSecrets } from '../../server/src/cli/secrets';
import { peerPairs, tunnelModel, type TunnelModel } from '../../server/src/model/tunnels';
import { workspaceSecrets } from '../../server/src/workspace/secrets';
import { uriOfPath, WorkspaceStore } from '../../server/src/workspace/workspace';
import type { WorkspaceSnapshot } from '../../server/src/workspace/types';
import { check } from './config';

interface Conn {
  peer: number;
  left: number;
  right: number;
  mark: number;
  vti: number;
  psk: number;
  typo: boolean;
}
interface HostState {
  conns: Conn[];
  secrets: boolean;
  frr: boolean;
  extra: boolean;
}

const addr = (i: number): string => `10.0.0.${i + 1}`;
const vti = (link: number, side: number): string => `172.16.0.${link * 4 + side}`;

function initial(n: number): HostState[] {
  return Array.from({ length: n }, (_, i) => ({
    conns: [(i + 1) % n, (i + n - 1) % n].map((p, k) => ({ peer: p, left: i, right: p, mark: k + 1, vti: Math.min(i, p), psk: 0, typo: false })),
    secrets: true,
    frr: true,
    extra: false,
  }));
}

/** Every file of the workspace, path → text, from the state (hosts under /ep/hN). */
function render(hosts: HostState[]): Map<string, string> {
  const out = new Map<string, string>();
  hosts.forEach((h, i) => {
    const conns = h.conns.map((c, k) => [
      `conn c${k}-to-${c.peer}`,
      `    left=${addr(c.left)}`,
      `    right=${addr(c.right)}`,
      '    authby=secret',
      `    leftvti=${vti(c.vti, i < c.peer ? 1 : 2)}/30`,
      `    ${c.typo ? 'ikelifetimx' : 'ikelifetime'}=8h`,
      `    mark=${c.mark}/0xffffffff`,
      `    vti-interface=vti${k}`,
      '',
    ].join('\n'));
    out.set(`/ep/h${i}/ipsec.conf`, `config setup\n    uniqueids=yes\n\n${conns.join('')}`);
    if (h.secrets) out.set(`/ep/h${i}/ipsec.secrets`, h.conns.map((c) => `${addr(c.left)} ${addr(c.right)} : PSK "shared-${Math.min(i, c.peer)}-${Math.max(i, c.peer)}-key${c.psk}"\n`).join(''));
    if (h.frr) out.set(`/ep/h${i}/frr/bgpd.conf`, `router bgp ${65000 + i}\n${h.conns.map((c) => ` neighbor ${vti(c.vti, i < c.peer ? 2 : 1)} remote-as ${65000 + c.peer}\n`).join('')}`);
    if (h.extra) out.set(`/ep/h${i}/ipsec.d/extra.conf`, `conn extra\n    left=${addr(i)}\n    right=${addr(h.conns[0]?.peer ?? i)}\n    authby=secret\n    mark=1/0xffffffff\n`);
  });
  return out;
}

type Edit = { kind: 'psk' | 'mark' | 'vti' | 'right' | 'left' | 'typo' | 'add' | 'remove' | 'secrets' | 'frr' | 'extra'; host: number; conn: number; value: number };
const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('psk', 'mark', 'vti', 'right', 'left', 'typo', 'add', 'remove', 'secrets', 'frr', 'extra'),
  host: fc.nat(7),
  conn: fc.nat(3),
  value: fc.nat(7),
});
/** An edit, and whether hover/completion take snapshots before the next analysis (`extra`) or it waits for another edit (`batch`). */
const stepArb = fc.record({ edit: editArb, extra: fc.nat(3), batch: fc.boolean() });

function apply(hosts: HostState[], e: Edit): void {
  const h = hosts[e.host % hosts.length];
  const c = h.conns.length ? h.conns[e.conn % h.conns.length] : undefined;
  const n = hosts.length;
  switch (e.kind) {
    case 'psk': if (c) c.psk = e.value % 3; break;
    case 'mark': if (c) c.mark = (e.value % 3) + 1; break;
    case 'vti': if (c) c.vti = e.value; break;
    case 'right': if (c) c.right = e.value % (n + 1); break;
    case 'left': if (c) c.left = e.value % (n + 1); break;
    case 'typo': if (c) c.typo = !c.typo; break;
    case 'add': h.conns.push({ peer: e.value % n, left: e.host % n, right: e.value % n, mark: (e.conn % 3) + 1, vti: e.value, psk: 0, typo: false }); break;
    case 'remove': if (c) h.conns.splice(e.conn % h.conns.length, 1); break;
    case 'secrets': h.secrets = !h.secrets; break;
    case 'frr': h.frr = !h.frr; break;
    case 'extra': h.extra = !h.extra; break;
  }
}

/** The pairing of a model as comparable data: pairs in `peerPairs` order, each end's site and cloud. */
function pairing(m: TunnelModel): unknown {
  const id = (e: { uri: string; key: string }): string => `${e.uri}#${e.key}`;
  return {
    pairs: [...peerPairs(m)].map(([a, b]) => [id(a), id(b)]),
    ends: m.ends.map((e) => [id(e), m.site.get(e), m.cloud.get(e) ?? null, (m.redundantGroup.get(e) ?? []).map(id)]),
  };
}

function fresh(snapshot: WorkspaceSnapshot): WorkspaceSnapshot {
  const store = new WorkspaceStore(snapshot.options);
  for (const [uri, f] of snapshot.files) store.set(uri, f.text, 1, f.languageId);
  return store.snapshot();
}

test('edit path: incremental findings, secrets and pairing equal a fresh analysis after every edit', () => {
  check(
    fc.property(fc.integer({ min: 3, max: 6 }), fc.array(stepArb, { minLength: 1, maxLength: 25 }), (n, steps) => {
      const hosts = initial(n);
      const store = new WorkspaceStore({ libreswanVersion: '5' });
      let files = render(hosts);
      for (const [p, t] of files) store.set(uriOfPath(p), t, 1);
      const cache = new CheckCache();
      const overrides: SeverityOverrides = {};
      analyze(store.snapshot(), overrides, cache);
      steps.forEach(({ edit, extra, batch }, s) => {
        apply(hosts, edit);
        const next = render(hosts);
        for (const p of files.keys()) if (!next.has(p)) store.delete(uriOfPath(p));
        for (const [p, t] of next) if (files.get(p) !== t) store.set(uriOfPath(p), t, s + 2);
        files = next;
        for (let i = 0; i < extra; i++) store.snapshot();
        if (batch && s < steps.length - 1) return;
        const snap = store.snapshot();
        const { results } = analyze(snap, overrides, cache);
        const model = tunnelModel(snap);
        const secrets = workspaceSecrets(snap);
        const base = fresh(snap);
        const want = analyze(base, overrides, new CheckCache()).results;
        const where = `after step ${s} ${JSON.stringify(edit)}`;
        assert.deepEqual([...results.keys()], [...want.keys()], where);
        for (const [uri, list] of want) assert.deepEqual(results.get(uri), list, `${where}: ${uri}`);
        assert.deepEqual(secrets, collectSecrets(base), where);
        // The fresh model is built from scratch (new grouping): its peer map is in joinAll's insertion order.
        const m = tunnelModel(base);
        assert.deepEqual(pairing(model), pairing(m), where);
        assert.deepEqual([...peerPairs(m)], [...m.peer], 'peerPairs gives joinAll\'s order');
      });
    }),
    60,
  );
});
