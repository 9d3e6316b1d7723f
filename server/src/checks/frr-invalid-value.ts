import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';
import { frrFacts } from './frr-util';

/**
 * Bad values: the ones vtysh refuses (malformed address/prefix, /33, AS out of 1..4294967295, asdot before
 * FRR 9.1; reported by the parser) and the ones only the daemons refuse: prefix-list `ge`/`le` must satisfy
 * prefix length <= ge <= le (lib/filter_nb.c validation), BGP hold time must be 0 or >= 3 s (bgpd).
 */
export const check: FileCheck = {
  code: 'frr-invalid-value',
  defaultSeverity: 'error',
  description: 'A malformed or out-of-range value: address, prefix length, AS number, prefix-list ge/le, BGP timers.',
  scope: 'file',
  languages: ['frr'],
  run(file) {
    const out: FileProblem[] = file.parseProblems.filter((p) => p.code === 'frr-invalid-value');
    const facts = frrFacts(file);
    if (!facts) return out;
    for (const pl of facts.prefixLists) {
      const len = pl.prefix && pl.prefix.value !== 'any' ? Number(pl.prefix.value.split('/')[1]) : undefined;
      if (len === undefined || !Number.isFinite(len)) continue;
      const ge = pl.ge?.value, le = pl.le?.value;
      if (pl.ge && ge !== undefined && ge < len)
        out.push({ range: pl.ge.range, severity: 'error', code: 'frr-invalid-value', message: `ge ${ge} is shorter than the prefix length /${len}; FRR requires length <= ge <= le.` });
      if (pl.le && le !== undefined && (le < len || (ge !== undefined && le < ge)))
        out.push({ range: pl.le.range, severity: 'error', code: 'frr-invalid-value', message: `le ${le} is below ${ge !== undefined && ge > len ? `ge ${ge}` : `the prefix length /${len}`}; FRR requires length <= ge <= le.` });
    }
    for (const r of facts.routers) {
      for (const n of r.neighbors)
        if (n.kind === 'interface' && /^[0-9.]+$/.test(n.name) && n.firstLine === n.range.start.line)
          out.push({ range: n.range, severity: 'error', code: 'frr-invalid-value', message: `\`${n.name}\` is not a valid IPv4 address; FRR would take it as an interface name.` });
      const all = [r.timers, ...r.neighbors.map((n) => n.timers)];
      for (const t of all) {
        if (t && t.hold !== 0 && t.hold < 3)
          out.push({ range: t.range, severity: 'error', code: 'frr-invalid-value', message: `Hold time ${t.hold} s is refused by bgpd: it must be 0 (no keepalives) or at least 3 s.` });
      }
    }
    return out;
  },
};
