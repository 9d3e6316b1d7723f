import type { Finding, Range } from '../core/types';
import { endLabel, hostEnds, inMark, isOwnFact, markKey, outMark, tunnelModel, type Fact, type Mark, type TunnelEnd } from '../model/tunnels';
import type { WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, FixableFinding, TextEditLike } from './fix-types';
import type { WorkspaceCheck } from './types';
import { perHost } from './util';

/**
 * DESIGN §2 `mark-duplicate`: two conns loaded on one host share a `mark=` value (compared as
 * value & mask, for the inbound `mark-in` and outbound `mark-out` directions, each defaulting to `mark`),
 * or share a `vti-interface` device. Both are fine only between conns that all set `vti-shared=yes` on the
 * same device (Libreswan's shared-VTI mode). Marks are per host: the same mark on two hosts is fine.
 */
export const check: WorkspaceCheck = {
  code: 'mark-duplicate',
  defaultSeverity: 'error',
  description: 'Two conns on one host share a mark (mark, mark-in, mark-out) or a VTI device without vti-shared=yes.',
  scope: 'workspace',
  ...perHost((snapshot, host) => hostFindings(hostEnds(snapshot, host))),
};

const shared = (a: TunnelEnd, b: TunnelEnd): boolean => a.vtiShared && b.vtiShared && !!a.vtiInterface && a.vtiInterface.text === b.vtiInterface?.text;

function hostFindings(ends: readonly TunnelEnd[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  /** `factOf`: where each other end sets the same thing; the related place is that line when the end sets it itself, else its conn header. */
  const report = (e: TunnelEnd, f: Fact<unknown>, others: TunnelEnd[], what: string, data: object, sharedFact: boolean, factOf: (o: TunnelEnd) => Fact<unknown> | undefined): void => {
    const range: Range = sharedFact || !isOwnFact(e, f) ? e.nameRange : f.range;
    const uri = sharedFact || !isOwnFact(e, f) ? e.uri : f.uri;
    const k = `${e.key}|${what}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({
      uri,
      range,
      severity: 'error',
      code: 'mark-duplicate',
      message: `${what} of ${endLabel(e)} is also used by ${others.map((o) => endLabel(o)).join(', ')} on this host; each tunnel needs its own.`,
      related: others.map((o) => {
        const g = factOf(o);
        const own = !!g && isOwnFact(o, g);
        return { uri: own ? g.uri : o.uri, range: own ? g.range : o.nameRange, message: `${endLabel(o, false)} uses the same ${what.split(' ')[0]}` };
      }),
      data: { end: e.key, ...data },
    });
  };
  for (const dir of [inMark, outMark]) {
    const byMark = new Map<number, TunnelEnd[]>();
    for (const e of ends) {
      const m = dir(e)?.value;
      if (!m) continue;
      const l = byMark.get(markKey(m)) ?? [];
      l.push(e);
      byMark.set(markKey(m), l);
    }
    for (const group of byMark.values()) {
      if (group.length < 2) continue;
      for (const e of group) {
        const others = group.filter((o) => o !== e && !shared(e, o));
        if (!others.length) continue;
        const f = dir(e)! as Fact<Mark>;
        const sharedFact = group.some((o) => o !== e && dir(o) === f) || others.some((o) => { const g = dir(o); return !!g && g.uri === f.uri && g.range.start.line === f.range.start.line; });
        report(e, f, others, `mark ${f.text}`, { kind: 'mark' }, sharedFact, dir);
      }
    }
  }
  const byVti = new Map<string, TunnelEnd[]>();
  for (const e of ends) {
    if (!e.vtiInterface) continue;
    const l = byVti.get(e.vtiInterface.text) ?? [];
    l.push(e);
    byVti.set(e.vtiInterface.text, l);
  }
  for (const group of byVti.values()) {
    if (group.length < 2) continue;
    for (const e of group) {
      const others = group.filter((o) => o !== e && !shared(e, o));
      if (!others.length) continue;
      const f = e.vtiInterface!;
      const sharedFact = others.some((o) => o.vtiInterface!.uri === f.uri && o.vtiInterface!.range.start.line === f.range.start.line);
      report(e, f, others, `vti-interface ${f.text} (without vti-shared=yes)`, { kind: 'vti' }, sharedFact, (o) => o.vtiInterface);
    }
  }
  return out;
}

/** Every mark value (under its mask) used on the host, both directions. */
function usedMarks(ends: readonly TunnelEnd[]): Set<number> {
  const s = new Set<number>();
  for (const e of ends) for (const m of [inMark(e)?.value, outMark(e)?.value]) if (m) s.add(markKey(m));
  return s;
}

/**
 * Quick fix: renumber this conn's mark to the next value free on the host (keeping the mask), and rename its
 * `vti-interface` when the device name ends in the old mark number (`vti5` → `vti7`). When the mark is
 * inherited from `%default`/`also=`, a `mark=` line is added to the conn instead of editing the template.
 */
export function fixes(finding: FixableFinding, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  const model = tunnelModel(snapshot);
  const data = finding.data as { end?: string; kind?: string } | undefined;
  const e = model.ends.find((x) => x.key === data?.end);
  if (!e || data?.kind !== 'mark') return [];
  const ends = model.byHost.get(e.host) ?? [];
  const f = (e.mark ?? e.markIn ?? e.markOut) as Fact<Mark | null> | undefined;
  if (!f?.value) return [];
  const used = usedMarks(ends);
  const vtis = new Set(ends.map((x) => x.vtiInterface?.text).filter(Boolean));
  let n = f.value.value + 1;
  while (used.has((n & f.value.mask) >>> 0) || vtiClash(e, f.value.value, n, vtis)) n++;
  const maskText = /\/(.*)$/.exec(f.text)?.[1];
  const newMark = maskText ? `${n}/${maskText}` : `${n}`;
  const key = f === e.mark ? 'mark' : f === e.markIn ? 'mark-in' : 'mark-out';
  const edits: TextEditLike[] = [];
  const indent = '    ';
  const insertAfterHeader = (text: string): TextEditLike => ({ uri: e.uri, range: { start: { line: e.nameRange.end.line + 1, character: 0 }, end: { line: e.nameRange.end.line + 1, character: 0 } }, newText: `${indent}${text}\n` });
  edits.push(isOwnFact(e, f) ? { uri: f.uri, range: f.range, newText: newMark } : insertAfterHeader(`${key}=${newMark}`));
  const vti = e.vtiInterface;
  const renamed = vti ? renameVti(vti.text, f.value.value, n) : null;
  if (vti && renamed) edits.push(isOwnFact(e, vti) ? { uri: vti.uri, range: vti.range, newText: renamed } : insertAfterHeader(`vti-interface=${renamed}`));
  return [{ title: `Renumber to ${key}=${newMark}${renamed ? ` and vti-interface=${renamed}` : ''}`, edits, isPreferred: true }];
}

/** `vti5` with old mark 5 and new mark 7 → `vti7` (zero padding kept: `vti05` → `vti07`); null otherwise. */
export function renameVti(name: string, oldMark: number, newMark: number): string | null {
  const m = /^(.*?)(\d+)$/.exec(name);
  if (!m || Number(m[2]) !== oldMark) return null;
  return `${m[1]}${String(newMark).padStart(m[2].length, '0')}`;
}

function vtiClash(e: TunnelEnd, oldMark: number, n: number, vtis: Set<string | undefined>): boolean {
  const r = e.vtiInterface ? renameVti(e.vtiInterface.text, oldMark, n) : null;
  return !!r && vtis.has(r);
}
