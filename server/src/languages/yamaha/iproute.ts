/**
 * Dedicated binding for `ip route network gateway G [options] [gateway G2 [options] ...]`
 * (Yamaha command reference, "ip route"; shared/reference/yamaha-rtx/commands.json notes).
 * G is an IPv4 address, `pp N`, `pp anonymous [name=...]`, `tunnel N`, `dhcp <interface>`, `loopbackN`,
 * `lanN` or `null`; options are `metric 1..15`, `weight 0..2147483647`, `hide`, `filter N...`,
 * `keepalive N`, `dpi N...`.
 */
import type { FileProblem } from '../../core/types';
import { lineRange } from '../../core/types';
import type { YamahaCommand, YamahaToken } from './ast';
import type { ArgBinding } from './bind';
import { INTERFACE_RE } from './catalog';
import { isIPv4, looksIPv4, parseIPv4Prefix } from './values';

const NUMERIC_OPTIONS: Record<string, [number, number]> = {
  metric: [1, 15], weight: [0, 2147483647], keepalive: [1, 6000],
};
const LIST_OPTIONS: Record<string, [number, number]> = { filter: [1, 21474836], dpi: [1, 2147483647] };

function err(t: YamahaToken, code: string, message: string): FileProblem {
  return { range: lineRange(t.line, t.start, t.end), severity: 'error', code, message };
}

/** Binds and checks the arguments of an `ip route` command. Never throws. */
export function bindIpRoute(cmd: YamahaCommand): { args: ArgBinding[]; problems: FileProblem[] } {
  const args: ArgBinding[] = [];
  const problems: FileProblem[] = [];
  const t = cmd.args;
  if (cmd.negated) return { args: t.map((token) => ({ token })), problems };
  if (t.length === 0) {
    problems.push({ range: cmd.range, severity: 'error', code: 'rtx-syntax', message: 'Missing network: ip route network gateway gateway.' });
    return { args, problems };
  }
  const net = t[0];
  args.push({ token: net, role: 'network' });
  if (net.value !== 'default') {
    const r = looksIPv4(net.value.split('/')[0]) ? parseIPv4Prefix(net.value, true) : { error: `'${net.value}' is not a network (address/length or default)` };
    if ('error' in r) problems.push(err(net, 'rtx-invalid-value', `${cap(r.error)} (network).`));
  }
  let i = 1;
  let gateways = 0;
  while (i < t.length) {
    const w = t[i];
    const lw = w.value.toLowerCase();
    if (lw === 'gateway') {
      args.push({ token: w, keyword: 'gateway' });
      i++;
      const g = t[i];
      if (!g) { problems.push(err(w, 'rtx-syntax', "A gateway must follow 'gateway'.")); break; }
      gateways++;
      const lg = g.value.toLowerCase();
      if (lg === 'pp' || lg === 'tunnel' || lg === 'dhcp') {
        args.push({ token: g, keyword: lg });
        const n = t[i + 1];
        i += 2;
        if (!n) { problems.push(err(g, 'rtx-syntax', `A ${lg === 'dhcp' ? 'interface' : 'number'} must follow '${lg}'.`)); break; }
        if (lg === 'dhcp') {
          args.push({ token: n, role: 'dhcp interface' });
          if (!INTERFACE_RE.test(n.value)) problems.push(err(n, 'rtx-invalid-value', `'${n.value}' is not an interface name.`));
        } else if (lg === 'pp' && n.value === 'anonymous') {
          args.push({ token: n, role: 'pp anonymous' });
        } else {
          args.push({ token: n, role: lg === 'tunnel' ? 'tunnel number' : 'pp number' });
          if (!/^\d+$/.test(n.value) || Number(n.value) < 1) {
            problems.push(err(n, 'rtx-invalid-value', `'${n.value}' is not a valid ${lg} number.`));
          }
        }
        continue;
      }
      args.push({ token: g, role: 'gateway address' });
      i++;
      if (lg === 'null' || /^loopback\d+$/.test(lg) || INTERFACE_RE.test(lg)) continue;
      if (!isIPv4(g.value)) {
        problems.push(err(g, looksIPv4(g.value) ? 'rtx-invalid-value' : 'rtx-syntax',
          looksIPv4(g.value) ? `'${g.value}' is not a valid IPv4 address (gateway).`
            : `'${g.value}' is not a gateway: use an address, pp N, tunnel N, dhcp <interface> or null.`));
      }
      continue;
    }
    if (gateways === 0) {
      problems.push(err(w, 'rtx-syntax', `Expected 'gateway' after the network, found '${w.value}'.`));
      args.push({ token: w });
      i++;
      continue;
    }
    if (lw === 'hide') { args.push({ token: w, keyword: 'hide' }); i++; continue; }
    if (w.key !== undefined) { args.push({ token: w, role: 'option' }); i++; continue; }
    const range = NUMERIC_OPTIONS[lw] ?? LIST_OPTIONS[lw];
    if (range) {
      args.push({ token: w, keyword: lw });
      i++;
      let count = 0;
      while (i < t.length && /^\d+$/.test(t[i].value) && (count === 0 || LIST_OPTIONS[lw])) {
        const n = Number(t[i].value);
        args.push({ token: t[i], role: `${lw} value` });
        if (n < range[0] || n > range[1]) problems.push(err(t[i], 'rtx-invalid-value', `${n} is out of range for ${lw} (${range[0]}..${range[1]}).`));
        i++;
        count++;
      }
      if (count === 0) problems.push(err(w, 'rtx-syntax', `A number must follow '${lw}'.`));
      continue;
    }
    args.push({ token: w });
    problems.push(err(w, 'rtx-syntax', `Unknown ip route option '${w.value}' (gateway, metric, weight, hide, filter, keepalive, dpi).`));
    i++;
  }
  if (gateways === 0 && t.length >= 1 && problems.length === 0) {
    problems.push({ range: cmd.range, severity: 'error', code: 'rtx-syntax', message: "Missing 'gateway ...' after the network." });
  }
  return { args, problems };
}

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
