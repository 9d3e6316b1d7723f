import type { FrrFile } from '../languages/frr/ast';
import type { FrrFacts } from '../languages/frr/facts';
import { lowerFrr } from '../languages/frr/lower';
import { lineRange, type Range } from '../core/types';
import type { Host } from '../workspace/hosts';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { parseCidr } from './ip';
import type { BgpNeighborFact, HostBgp } from './tunnel-types';

const memo = new WeakMap<FrrFile, FrrFacts>();

/** Records `facts` as the lowered facts of `ast` (CLI streaming: see `seedFrrFacts` in checks/frr-util.ts). */
export function seedFrrFactsOfFile(ast: FrrFile, facts: FrrFacts): void {
  memo.set(ast, facts);
}

/** Lowered facts of an FRR file (memoized per AST). */
export function frrFactsOfFile(file: AnalyzedFile): FrrFacts | null {
  if (file.parsed.languageId !== 'frr') return null;
  const ast = file.parsed.ast;
  let f = memo.get(ast);
  if (!f) {
    f = lowerFrr(ast);
    memo.set(ast, f);
  }
  return f;
}

/**
 * Adapter: the BGP facts of a host's FRR files (bgpd.conf, frr.conf): the ASN of the default-VRF
 * `router bgp`, and each address neighbor with a numeric `remote-as`, with every place its address is
 * written (`neighbor A ...` lines), so a quick fix can rename it everywhere.
 */
export function frrBgp(snapshot: WorkspaceSnapshot, host: Host): HostBgp | null {
  const bgp: HostBgp = { neighbors: [] };
  for (const uri of host.fileUris) {
    const file = snapshot.files.get(uri);
    if (!file) continue;
    const got = fileBgp(file);
    if (!got) continue;
    if (!bgp.localAsn && got.localAsn) bgp.localAsn = got.localAsn;
    for (const nb of got.neighbors) bgp.neighbors.push(nb);
  }
  return bgp.neighbors.length || bgp.localAsn ? bgp : null;
}

/**
 * The BGP facts of one FRR file, memoized per file object: an edit elsewhere on the host (its ipsec.conf)
 * rebuilds the host's tunnel ends, and re-deriving every neighbor (one RegExp per neighbor for its
 * mentions) was a visible share of that on hosts with hundreds of neighbors (BENCH.md).
 */
const bgpMemo = new WeakMap<AnalyzedFile, HostBgp | null>();

function fileBgp(file: AnalyzedFile): HostBgp | null {
  let got = bgpMemo.get(file);
  if (got === undefined) bgpMemo.set(file, (got = computeFileBgp(file)));
  return got;
}

function computeFileBgp(file: AnalyzedFile): HostBgp | null {
  const uri = file.uri;
  const bgp: HostBgp = { neighbors: [] };
  const facts = frrFactsOfFile(file);
  if (!facts) return null;
  for (const r of facts.routers) {
    if (r.vrf) continue;
    const asn = r.asn ? Number(r.asn.value) : NaN;
    if (!bgp.localAsn && Number.isFinite(asn)) bgp.localAsn = { value: asn, text: r.asn!.value, uri, range: r.asn!.range };
    const groups = new Map(r.neighbors.filter((n) => n.kind === 'peer-group').map((g) => [g.name, g]));
    for (const n of r.neighbors) {
      if (n.kind !== 'ipv4' && n.kind !== 'ipv6') continue;
      const c = parseCidr(n.name);
      if (!c) continue;
      // A member of a peer-group takes the group's remote-as (`neighbor AWS remote-as 64512` +
      // `neighbor 169.254.88.1 peer-group AWS`): the usual way to write the two neighbors of a redundant pair.
      const remoteAs = n.remoteAs ?? (n.peerGroup ? groups.get(n.peerGroup.value)?.remoteAs : undefined);
      const remote = remoteAs && /^\d+$/.test(remoteAs.value) ? Number(remoteAs.value) : undefined;
      const nb: BgpNeighborFact = {
        address: { value: c, text: n.name, uri, range: n.range },
        ...(remote !== undefined ? { remoteAsn: { value: remote, text: remoteAs!.value, uri, range: remoteAs!.range } } : {}),
        mentions: mentions(file, n.name, n.lines, n.range),
      };
      bgp.neighbors.push(nb);
    }
  }
  return bgp.neighbors.length || bgp.localAsn ? bgp : null;
}

/** `[no] nei<word> <name>`: group 1 is the whole word after the command (a name never holds spaces). */
const NEIGHBOR_WORD_RE = /^\s*(?:no\s+)?nei\w*\s+(\S+)/;

/** Ranges of `A` in every `neighbor A ...` line of the neighbor (first mention included). */
function mentions(file: AnalyzedFile, name: string, lines: number[], first: Range): Array<{ uri: string; range: Range }> {
  const out: Array<{ uri: string; range: Range }> = [{ uri: file.uri, range: first }];
  for (const line of new Set(lines)) {
    if (line === first.start.line) continue;
    // the word after `[no] nei...` is exactly the name (was: one RegExp built per neighbor, a hot spot)
    const m = NEIGHBOR_WORD_RE.exec(file.lines[line] ?? '');
    if (!m || m[1] !== name) continue;
    const start = m[0].length - m[1].length;
    out.push({ uri: file.uri, range: lineRange(line, start, start + m[1].length) });
  }
  return out;
}
