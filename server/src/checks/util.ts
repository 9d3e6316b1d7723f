import { lineRange, type Finding, type FileProblem, type Range, type RelatedPlace } from '../core/types';
import type { Section, Setting } from '../languages/libreswan/ast';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import type { Host } from '../workspace/hosts';
import { libreswanHost, type LibreswanHost } from '../model/libreswan';
import type { WorkspaceCheck } from './types';
import { tunnelModel, type Cloud, type TunnelEnd, type TunnelModel } from '../model/tunnels';

const settingsMemo = new WeakMap<AnalyzedFile, ReadonlyArray<{ section: Section; setting: Setting }>>();

/**
 * Every (section, setting) pair of a Libreswan file, in file order. Empty for other languages. Built once
 * per file object and shared by the dozen file checks that walk it (it was a generator re-run per check:
 * 60,000 yields per keystroke in a 5,000-line file).
 */
export function libreswanSettings(file: AnalyzedFile): ReadonlyArray<{ section: Section; setting: Setting }> {
  let pairs = settingsMemo.get(file);
  if (!pairs) {
    const out: Array<{ section: Section; setting: Setting }> = [];
    if (file.parsed.languageId === 'libreswan') for (const section of file.parsed.ast.sections) for (const setting of section.settings) out.push({ section, setting });
    settingsMemo.set(file, (pairs = out));
  }
  return pairs;
}

/** The whole first line of `file` (0-based LSP range; empty for an empty file): where file-level findings go. */
export function firstLineRange(file: AnalyzedFile): Range {
  return lineRange(0, 0, file.lines[0]?.length ?? 0);
}

/** Builds a workspace finding in a file. */
export function findingAt(file: AnalyzedFile, range: Range, p: Omit<FileProblem, 'range'>, related?: RelatedPlace[]): Finding {
  return { uri: file.uri, range, ...p, ...(related && related.length ? { related } : {}) };
}

/**
 * The `run`/`runHost` pair of a workspace check whose findings for a host depend only on that host's files
 * (and the options): `run` concatenates the hosts in snapshot order, `runHost` lets the runner cache each
 * host's findings until one of its files changes (checks/run.ts), so an edit re-runs the check on one host.
 */
export function perHost(fn: (snapshot: WorkspaceSnapshot, host: Host) => Finding[]): Pick<WorkspaceCheck, 'run' | 'runHost'> {
  return {
    runHost: fn,
    run(snapshot) {
      const out: Finding[] = [];
      for (const host of snapshot.hosts.hosts.values()) for (const f of fn(snapshot, host)) out.push(f);
      return out;
    },
  };
}

/** `perHost` over the hosts that hold a Libreswan ipsec.conf-format file, given their joined model. */
export function perLibreswanHost(fn: (h: LibreswanHost) => Finding[]): Pick<WorkspaceCheck, 'run' | 'runHost'> {
  return perHost((snapshot, host) => (host.fileUris.some((u) => snapshot.files.get(u)?.languageId === 'libreswan') ? fn(libreswanHost(snapshot, host)) : []));
}

/** The peers and clouds of one host's ends in one model; the same object while all of them are the same. */
interface Pairing {
  peers: readonly (TunnelEnd | undefined)[];
  clouds: readonly (Cloud | undefined)[];
}
const latestPairing = new WeakMap<readonly TunnelEnd[], Pairing>();
const pairingsOf = new WeakMap<TunnelModel, Map<readonly TunnelEnd[], Pairing>>();
const same = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Per host (ends array) of a model: its Pairing, computed once per model for all the perHostEnds checks
 * (was once per check) and reused from the previous model when nothing changed, so a check's cache test
 * is one identity comparison per host.
 */
function pairings(model: TunnelModel): Map<readonly TunnelEnd[], Pairing> {
  let m = pairingsOf.get(model);
  if (m) return m;
  m = new Map();
  for (const ends of model.byHost.values()) {
    const peers = ends.map((e) => model.peer.get(e));
    const clouds = ends.map((e) => model.cloud.get(e));
    const prev = latestPairing.get(ends);
    const p = prev && same(prev.peers, peers) && same(prev.clouds, clouds) ? prev : { peers, clouds };
    latestPairing.set(ends, p);
    m.set(ends, p);
  }
  pairingsOf.set(model, m);
  return m;
}

/** The pairing object of one host's ends in a model (same object while its peers and clouds are the same). */
export function hostPairing(model: TunnelModel, ends: readonly TunnelEnd[]): object | undefined {
  return pairings(model).get(ends);
}

/**
 * A tunnel-model check computed host by host: `fn` gets one host's ends and must depend only on them, their
 * peers and clouds (and what derives from those, like `model.site`). Results are cached per host while
 * its ends array (the model reuses it while the host's files are unchanged) and every end's peer and cloud
 * are the same objects, so an edit recomputes the edited host (and hosts whose pairing changed) only.
 */
export function perHostEnds(fn: (ends: readonly TunnelEnd[], model: TunnelModel) => Finding[]): (snapshot: WorkspaceSnapshot) => Finding[] {
  const memo = new WeakMap<readonly TunnelEnd[], { pairing: Pairing; out: Finding[] }>();
  return (snapshot) => {
    const model = tunnelModel(snapshot);
    const out: Finding[] = [];
    for (const [ends, pairing] of pairings(model)) {
      let hit = memo.get(ends);
      if (!hit || hit.pairing !== pairing) memo.set(ends, (hit = { pairing, out: fn(ends, model) }));
      for (const f of hit.out) out.push(f);
    }
    return out;
  };
}
