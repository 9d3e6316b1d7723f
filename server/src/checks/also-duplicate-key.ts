import type { Finding, RelatedPlace } from '../core/types';
import { findKeyword } from '../languages/libreswan/keywords';
import type { Setting } from '../languages/libreswan/ast';
import { canonicalKey, libreswanHost, type ConnDef, type LibreswanHost } from '../model/libreswan';
import type { WorkspaceCheck } from './types';
import { findingAt, perHost } from './util';

/**
 * A conn sets a keyword that a conn it pulls in with `also=` (directly or further down the chain) sets as
 * well. Source: Libreswan `lib/libipsecconf/confread.c` (v4.10: `translate_field`, `load_conn`) and
 * `lib/libswan/ipsecconf/confread.c` (v5.4: `translate_field`, `case kt_also`).
 *
 * How Libreswan treats it (read in the source, 4.10 measured with addconn):
 * - A value the conn itself or an also= target has set is marked "set"; meeting the same keyword again
 *   while merging another also= section prints `duplicate key '<kw>' in conn <conn> while processing def
 *   <target>` (no line number). Values from `conn %default` are marked "default" and never clash.
 * - 4.10 reads the conn's own keywords first and the also= sections after; a clash does not overwrite,
 *   so the conn's own value wins and the conn still loads (`addconn --liststart` lists it).
 * - 5.x expands also= where it is written. With the same value the message is a warning; with a different
 *   value it is an error and `load_conn` gives up on the conn: it is not loaded at all.
 * - List keywords that accumulate (`leftsubnets`/`rightsubnets`, `connalias`) and `also` itself never clash.
 * Not reported here: two also= targets of one conn that both set a keyword the conn itself leaves unset
 * (addconn complains about those too, but there is no line of the conn to point at).
 */
export const check: WorkspaceCheck = {
  code: 'also-duplicate-key',
  defaultSeverity: 'warning',
  description: 'A conn sets a keyword that a conn it includes with `also=` sets too.',
  scope: 'workspace',
  ...perHost((snapshot, host) => {
    if (!host.fileUris.some((u) => snapshot.files.get(u)?.languageId === 'libreswan')) return [];
    const h = libreswanHost(snapshot, host);
    const version = snapshot.options.libreswanVersion;
    const out: Finding[] = [];
    const ownCache = new Map<ConnDef, Map<string, Setting>>();
    const own = (d: ConnDef): Map<string, Setting> => {
      let m = ownCache.get(d);
      if (m) return m;
      m = new Map();
      for (const s of d.section.settings) {
        const k = findKeyword(s.key, 'conn');
        if (!k || ACCUMULATING.has(k.spec.name) || k.spec.type[version] === 'subnets') continue;
        if (k.spec.status[version] === 'obsolete' || k.spec.status[version] === 'absent') continue;
        const key = canonicalKey(k.spec, k.side, version);
        if (!m.has(key)) m.set(key, s);
      }
      ownCache.set(d, m);
      return m;
    };
    for (const defs of h.conns.values()) {
      for (const def of defs) {
        const targets = alsoTargets(h, def);
        if (!targets.length) continue;
        for (const [key, mine] of own(def)) {
          const clashes = targets.map((t) => ({ t, s: own(t).get(key) })).filter((x): x is { t: ConnDef; s: Setting } => !!x.s);
          if (!clashes.length) continue;
          const same = clashes.every((c) => sameValue(c.s, mine));
          const names = [...new Set(clashes.map((c) => `\`${c.t.name}\``))].join(', ');
          const message =
            version === '4'
              ? `\`${key}\` is also set by ${names}, which conn \`${def.name}\` includes with also=; Libreswan 4 complains "duplicate key" and keeps the value written here in \`${def.name}\`${same ? ' (the values are the same, so the other line is redundant)' : ''}.`
              : same
                ? `\`${key}\` is also set, to the same value, by ${names}, which conn \`${def.name}\` includes with also=; Libreswan warns "duplicate key" — one of the two lines is redundant.`
                : `\`${key}\` is also set, to a different value, by ${names}, which conn \`${def.name}\` includes with also=; Libreswan 5 reports "duplicate key" as an error and does not load conn \`${def.name}\` (Libreswan 4 kept the value written here).`;
          const related: RelatedPlace[] = clashes.map((c) => ({ uri: c.t.file.uri, range: c.s.keyRange, message: `\`${key}\` set in conn ${c.t.name}` }));
          out.push(findingAt(def.file, mine.keyRange, { severity: 'warning', code: 'also-duplicate-key', message }, related));
        }
      }
    }
    return out;
  }),
};

/** Keywords whose values add up instead of replacing each other (kt_appendlist / kt_appendstring(s)). */
const ACCUMULATING = new Set(['also', 'connalias']);

/** Every conn reached from `def` through also= (breadth first, each once, `def` itself excluded). */
function alsoTargets(h: LibreswanHost, def: ConnDef): ConnDef[] {
  const seen = new Set<ConnDef>([def]);
  const out: ConnDef[] = [];
  const queue: ConnDef[] = [def];
  for (let i = 0; i < queue.length; i++) {
    for (const s of queue[i].section.settings) {
      if (s.key.toLowerCase() !== 'also' || !s.value) continue;
      const t = h.conns.get(s.value.text)?.[0];
      if (!t || seen.has(t)) continue;
      seen.add(t);
      out.push(t);
      queue.push(t);
    }
  }
  return out;
}

function sameValue(a: Setting, b: Setting): boolean {
  return (a.value?.text ?? '') === (b.value?.text ?? '');
}
