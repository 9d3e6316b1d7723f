/**
 * Lowers a parsed Yamaha file to `YamahaFacts` (see facts.ts). Pure and linear; never throws. Values that do
 * not parse are skipped (validation reports them).
 */
import type { Range } from '../../core/types';
import { lineRange } from '../../core/types';
import type { YamahaCommand, YamahaFile, YamahaToken } from './ast';
import { type ArgBinding, bindCommand } from './bind';
import { modelLimits } from './catalog';
import type { IkeGatewayFacts, Ranged, SaPolicyFacts, TunnelFacts, YamahaFacts } from './facts';
import { isIPv4, parseIPv4Prefix } from './values';

const memo = new WeakMap<YamahaFile, YamahaFacts>();

/** Range of one token. */
export function tokenRange(t: YamahaToken): Range {
  return lineRange(t.line, t.start, t.end);
}

function arg(args: ArgBinding[], param: string): YamahaToken | undefined {
  return args.find((a) => a.param?.name === param && !a.keyword)?.token;
}

function rs(t: YamahaToken | undefined): Ranged<string> | undefined {
  return t ? { value: t.value, range: tokenRange(t) } : undefined;
}

function num(t: YamahaToken | undefined): number | undefined {
  return t && /^\d{1,10}$/.test(t.value) ? Number(t.value) : undefined;
}

const IKE_FIELDS: Record<string, [keyof IkeGatewayFacts, string]> = {
  'ipsec ike version': ['version', 'version'],
  'ipsec ike local address': ['localAddress', 'ip_address'],
  'ipsec ike local name': ['localName', 'name'],
  'ipsec ike remote address': ['remoteAddress', 'ip_address'],
  'ipsec ike remote name': ['remoteName', 'name'],
  'ipsec ike encryption': ['encryption', 'algorithm'],
  'ipsec ike hash': ['hash', 'algorithm'],
  'ipsec ike group': ['group', 'group'],
  'ipsec ike pfs': ['pfs', 'pfs'],
  'ipsec ike keepalive use': ['keepalive', 'switch'],
  'ipsec ike nat-traversal': ['natTraversal', 'switch'],
  'ipsec ike auth method': ['authMethod', 'method'],
};

/** Lowers (memoized per AST object) a parsed file to facts. */
export function lowerYamaha(file: YamahaFile): YamahaFacts {
  let f = memo.get(file);
  if (!f) { f = compute(file); memo.set(file, f); }
  return f;
}

function compute(file: YamahaFile): YamahaFacts {
  const facts: YamahaFacts = {
    kind: 'yamaha-rtx',
    tunnels: [],
    saPolicies: new Map(),
    gateways: new Map(),
    policyRefs: [],
    enables: [],
    bgp: { neighbors: [], importFilters: new Map(), exportFilters: new Map(), filterRefs: [] },
    routes: [],
    interfaceAddresses: [],
  };
  if (file.header) {
    facts.model = { value: file.header.model, range: file.header.range };
    facts.revision = file.header.revision;
    facts.limits = modelLimits(file.header.model);
  }
  const byId = new Map<number, TunnelFacts>();
  for (const block of file.blocks) {
    if (block.kind !== 'tunnel' || typeof block.id !== 'number') continue;
    const sel = file.commands.find((c) => c.line === block.selectLine);
    const t = sel?.args[0];
    if (byId.has(block.id)) { byId.get(block.id)!.endLine = Math.max(byId.get(block.id)!.endLine, block.endLine); continue; }
    const tf: TunnelFacts = {
      id: block.id, idRange: t ? tokenRange(t) : block.range, selectLine: block.selectLine, endLine: block.endLine,
      enabled: false, disabled: false,
    };
    byId.set(block.id, tf);
    facts.tunnels.push(tf);
  }
  for (const c of file.commands) {
    if (!c.name || c.negated) continue;
    lowerCommand(c, facts, byId);
  }
  for (const e of facts.enables) {
    for (const t of facts.tunnels) {
      if (e.id === 'all' || e.id === t.id) { t.enabled = true; t.enableRange ??= e.range; }
    }
  }
  for (const t of facts.tunnels) {
    if (t.ipsecTunnel) {
      t.saPolicy = facts.saPolicies.get(t.ipsecTunnel.value);
      if (t.saPolicy) t.ike = facts.gateways.get(t.saPolicy.gatewayId.value);
      // `ipsec tunnel P` naming an undefined policy is rtx-undefined-sa-policy's finding; the tunnel is still
      // the IPsec tunnel the block configures, with the gateway of its own number (as show config prints
      // it), so its inside addresses and BGP neighbor keep their tunnel instead of cascading into
      // inside-peer-mismatch.
      else t.ike = facts.gateways.get(t.id);
    }
  }
  return facts;
}

function gateway(facts: YamahaFacts, id: number, range: Range): IkeGatewayFacts {
  let g = facts.gateways.get(id);
  if (!g) { g = { id, firstRange: range, commands: [] }; facts.gateways.set(id, g); }
  return g;
}

function lowerCommand(c: YamahaCommand, facts: YamahaFacts, byId: Map<number, TunnelFacts>): void {
  const name = c.name!;
  const { args } = bindCommand(c);
  const tunnel = c.context.kind === 'tunnel' ? byId.get(c.context.id) : undefined;
  const inTunnel = tunnel?.id;
  if (name.startsWith('ipsec ike ')) {
    const idTok = arg(args, 'gateway_id');
    const id = num(idTok);
    if (id === undefined || !idTok) return;
    const g = gateway(facts, id, c.range);
    g.commands.push({ name, range: c.range, idRange: tokenRange(idTok), inTunnel });
    const field = IKE_FIELDS[name];
    if (field) {
      const tok = arg(args, field[1]);
      if (tok) (g as unknown as Record<string, Ranged<string>>)[field[0]] = rs(tok)!;
    }
    if (name === 'ipsec ike pre-shared-key') {
      const key = arg(args, 'key');
      if (key) {
        const text = args.some((a) => a.param?.name === 'form');
        const hex = !text && /^0x[0-9a-f]*$/i.test(key.value);
        g.preSharedKey = {
          value: key.value, form: text ? 'text' : 'hex',
          length: text || !hex ? key.value.length : Math.floor((key.value.length - 2) / 2), range: tokenRange(key),
        };
      }
    }
    return;
  }
  switch (name) {
    case 'ipsec sa policy': {
      const id = arg(args, 'policy_id');
      const gw = arg(args, 'gateway_id');
      if (num(id) === undefined || num(gw) === undefined) return;
      const p: SaPolicyFacts = {
        id: { value: num(id)!, range: tokenRange(id!) }, gatewayId: { value: num(gw)!, range: tokenRange(gw!) },
        protocol: arg(args, 'protocol')?.value ?? 'esp', espAlgorithm: rs(arg(args, 'esp_algorithm')),
        ahAlgorithm: rs(arg(args, 'ah_algorithm')), range: c.range, inTunnel,
      };
      if (!facts.saPolicies.has(p.id.value)) facts.saPolicies.set(p.id.value, p);
      return;
    }
    case 'ipsec tunnel': {
      const t = arg(args, 'policy_id');
      const id = num(t);
      if (id === undefined) return;
      facts.policyRefs.push({ id, range: tokenRange(t!), tunnel: inTunnel });
      if (tunnel) tunnel.ipsecTunnel = { value: id, range: tokenRange(t!) };
      return;
    }
    case 'ipsec transport': {
      const t = arg(args, 'policy_id');
      if (num(t) !== undefined) facts.policyRefs.push({ id: num(t)!, range: tokenRange(t!) });
      return;
    }
    case 'tunnel enable':
    case 'tunnel disable':
      for (const a of args) {
        const v = a.token.value.toLowerCase();
        const id = v === 'all' ? 'all' : num(a.token);
        if (id === undefined) continue;
        if (name === 'tunnel enable') facts.enables.push({ id, range: tokenRange(a.token) });
        else for (const t of facts.tunnels) if (id === 'all' || t.id === id) t.disabled = true;
      }
      return;
    case 'tunnel name': if (tunnel) tunnel.name = rs(c.args[0]); return;
    case 'description':
      if (tunnel && c.args[0]?.value === 'tunnel' && c.args[1]) tunnel.description = rs(c.args[1]);
      return;
    case 'tunnel encapsulation': if (tunnel) tunnel.encapsulation = rs(arg(args, 'type')); return;
    case 'ip tunnel address': {
      const t = arg(args, 'ip_address');
      if (!tunnel || !t) return;
      const p = parseIPv4Prefix(t.value, true);
      if ('error' in p) return;
      tunnel.insideAddress = { value: t.value.split('/')[0], range: tokenRange(t), prefixLength: p.address.subnetMask };
      return;
    }
    case 'ip tunnel remote address': {
      const t = arg(args, 'ip_address');
      if (tunnel && t && isIPv4(t.value)) tunnel.insideRemote = rs(t);
      return;
    }
    default:
      lowerBgpOrRoute(name, c, args, facts);
  }
}

function lowerBgpOrRoute(name: string, c: YamahaCommand, args: ArgBinding[], facts: YamahaFacts): void {
  const bgp = facts.bgp;
  switch (name) {
    case 'bgp use': bgp.use = rs(arg(args, 'use')); return;
    case 'bgp autonomous-system': {
      const t = arg(args, 'as');
      if (num(t) !== undefined) bgp.asn = { value: num(t)!, range: tokenRange(t!) };
      return;
    }
    case 'bgp router id': bgp.routerId = rs(arg(args, 'ip_address')); return;
    case 'bgp neighbor': {
      const id = arg(args, 'neighbor_id');
      const as = arg(args, 'remote_as');
      const addr = arg(args, 'remote_address');
      if (num(id) === undefined || num(as) === undefined || !addr || !isIPv4(addr.value)) return;
      const kv = (k: string): Ranged<string> | undefined => {
        const t = args.find((a) => a.param?.name === k && a.token.key !== undefined)?.token;
        return t ? { value: t.kv ?? '', range: lineRange(t.line, t.kvStart ?? t.start, t.end) } : undefined;
      };
      bgp.neighbors.push({
        id: { value: num(id)!, range: tokenRange(id!) }, asn: { value: num(as)!, range: tokenRange(as!) },
        address: rs(addr)!, localAddress: kv('local-address'), holdTime: kv('hold-time'), passive: kv('passive'),
        range: c.range,
      });
      return;
    }
    case 'bgp import filter':
    case 'bgp export filter': {
      const t = arg(args, 'filter_num');
      const id = num(t);
      if (id === undefined) return;
      const map = name === 'bgp import filter' ? bgp.importFilters : bgp.exportFilters;
      map.set(id, [...(map.get(id) ?? []), tokenRange(t!)]);
      return;
    }
    case 'bgp import':
    case 'bgp export':
      for (const a of args) {
        if (a.param?.name === 'filter_num' && num(a.token) !== undefined) {
          bgp.filterRefs.push({ id: num(a.token)!, range: tokenRange(a.token), direction: name === 'bgp import' ? 'import' : 'export' });
        }
      }
      return;
    case 'ip route': {
      const net = args.find((a) => a.role === 'network')?.token;
      if (!net) return;
      const gws: YamahaFacts['routes'][number]['gateways'] = [];
      for (const a of args) {
        if (a.role === 'tunnel number') gws.push({ kind: 'tunnel', value: a.token.value, range: tokenRange(a.token) });
        else if (a.role === 'pp number') gws.push({ kind: 'pp', value: a.token.value, range: tokenRange(a.token) });
        else if (a.role === 'gateway address') {
          gws.push({ kind: isIPv4(a.token.value) ? 'address' : 'other', value: a.token.value, range: tokenRange(a.token) });
        } else if (a.role === 'dhcp interface') gws.push({ kind: 'other', value: `dhcp ${a.token.value}`, range: tokenRange(a.token) });
        else if (a.role === 'weight value' && gws.length) gws[gws.length - 1].weight = Number(a.token.value);
      }
      facts.routes.push({ network: rs(net)!, gateways: gws, range: c.range });
      return;
    }
    case 'ip <interface> address':
    case 'ip <interface> secondary address': {
      const a = arg(args, 'ip_address');
      if (a && c.tokens[1] && a.value.includes('/')) facts.interfaceAddresses.push({ ifname: c.tokens[1].value, address: rs(a)! });
      return;
    }
    default:
  }
}
