import { Address4 } from 'ip-address';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import { lineRange } from '../../core/types';
import type { YamahaCommand, YamahaToken } from '../../languages/yamaha/ast';
import { bindCommand } from '../../languages/yamaha/bind';
import { commandByName, type CatalogCommand, type CatalogParam } from '../../languages/yamaha/catalog';
import type { IkeGatewayFacts, TunnelFacts, YamahaFacts } from '../../languages/yamaha/facts';
import { describeParam, isIPv4 } from '../../languages/yamaha/values';
import { yamahaFactsOf, yamahaFileOf } from '../../model/yamaha';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';
import { YAMAHA_DOCS } from './yamaha-docs';

/** The command on `pos.line` and the token under `pos` (end inclusive), if any. */
export function tokenAt(cmds: readonly YamahaCommand[], pos: Position): { cmd: YamahaCommand; tok: YamahaToken } | undefined {
  const cmd = cmds.find((c) => c.line === pos.line);
  const tok = cmd?.tokens.find((t) => t.start <= pos.character && pos.character <= t.end);
  return cmd && tok ? { cmd, tok } : undefined;
}

function md(lines: string[], tok: YamahaToken): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: lineRange(tok.line, tok.start, tok.end) };
}

/** Markdown describing a catalogued command (our words + catalogue facts). */
export function commandDoc(spec: CatalogCommand): string[] {
  const out = [`**${spec.name}** — ${YAMAHA_DOCS[spec.name] ?? `Yamaha RTX command (${spec.context === 'global' ? 'global' : `${spec.context} context`}).`}`];
  out.push('```\n' + (spec.forms ?? [spec.syntax]).join('\n') + '\n```');
  const ctx = { global: 'anywhere', tunnel: 'after `tunnel select N`', pp: 'after `pp select N`', any: 'anywhere (keyed by its own id)' }[spec.context];
  const facts = [`Context: ${ctx}.`];
  if (spec.models) facts.push(`Models (Rev.23 reference): ${spec.models.join(', ')}.`);
  if (spec.legacy) facts.push('Older-firmware form.');
  if (spec.invalidOnDevice) facts.push('Not accepted by the router (appears only in old templates).');
  if (spec.section) facts.push(`Reference: ${spec.section}.`);
  out.push(facts.join(' '));
  return out;
}

function paramDoc(p: CatalogParam): string[] {
  const out = [`**${p.name}**${p.optional ? ' (optional)' : ''}: ${describeParam(p)}.`];
  if (p.default) out.push(`Default: ${p.default}.`);
  if (p.note) out.push(`Note: ${p.note}.`);
  return out;
}

/** Summary of one tunnel from the file's facts. */
export function tunnelSummary(t: TunnelFacts): string[] {
  const lines = [`**tunnel ${t.id}**${t.name ? ` "${t.name.value}"` : t.description ? ` ${t.description.value}` : ''} — ${t.enabled ? 'enabled' : t.disabled ? 'disabled' : 'not enabled'}`];
  if (t.encapsulation) lines.push(`encapsulation ${t.encapsulation.value}`);
  if (t.ipsecTunnel) lines.push(`IPsec policy ${t.ipsecTunnel.value}${t.saPolicy ? ` → gateway ${t.saPolicy.gatewayId.value}, ${t.saPolicy.protocol} ${t.saPolicy.espAlgorithm?.value ?? ''} ${t.saPolicy.ahAlgorithm?.value ?? ''}`.trimEnd() : ' (policy not defined)'}`);
  if (t.ike) lines.push(...gatewaySummary(t.ike).slice(1));
  if (t.insideAddress) lines.push(`inside ${t.insideAddress.value}/${t.insideAddress.prefixLength}${t.insideRemote ? ` ↔ ${t.insideRemote.value}` : ''}`);
  return lines;
}

/** Summary of one IKE gateway (the PSK is described by its length only). */
export function gatewaySummary(g: IkeGatewayFacts): string[] {
  const p = (label: string, v?: { value: string }): string | undefined => (v ? `${label} ${v.value}` : undefined);
  return [
    `**IKE gateway ${g.id}**`,
    [p('local', g.localAddress), p('remote', g.remoteAddress), p('IKEv', g.version)?.replace('IKEv ', 'IKEv')].filter(Boolean).join(', '),
    [p('encryption', g.encryption), p('hash', g.hash), p('group', g.group), p('pfs', g.pfs), p('keepalive', g.keepalive)].filter(Boolean).join(', '),
    g.preSharedKey ? `pre-shared key set (${g.preSharedKey.form}, ${g.preSharedKey.length} ${g.preSharedKey.form === 'hex' ? 'bytes' : 'characters'}; value not shown)` : 'no pre-shared key',
  ].filter((s) => s.length > 0);
}

/** What the file says about an IPv4 address. */
export function addressSummary(facts: YamahaFacts, addr: string): string[] {
  const out: string[] = [`**${addr}**`];
  let a: Address4;
  try { a = new Address4(addr); } catch { return out; }
  const kind = a.isDocumentation() ? 'documentation range' : a.isLinkLocal() ? 'link-local (169.254.0.0/16, typical for cloud tunnel inside addresses)'
    : a.isPrivate() ? 'private (RFC 1918)' : a.isLoopback() ? 'loopback' : 'public';
  out.push(`Address class: ${kind}.`);
  for (const t of facts.tunnels) {
    if (t.insideAddress) {
      const net = new Address4(`${t.insideAddress.value}/${t.insideAddress.prefixLength}`);
      if (t.insideAddress.value === addr) out.push(`Inside address of tunnel ${t.id}.`);
      else if (t.insideRemote?.value === addr) out.push(`Remote inside address of tunnel ${t.id}.`);
      else if (a.isInSubnet(net)) out.push(`In tunnel ${t.id}'s inside subnet ${net.startAddress().correctForm()}/${net.subnetMask}.`);
    }
  }
  for (const g of facts.gateways.values()) {
    if (g.localAddress?.value === addr) out.push(`Local IKE address of gateway ${g.id}.`);
    if (g.remoteAddress?.value === addr) out.push(`Remote IKE peer of gateway ${g.id}.`);
  }
  for (const n of facts.bgp.neighbors) if (n.address.value === addr) out.push(`BGP neighbor ${n.id.value} (AS ${n.asn.value}).`);
  return out;
}

/** Hover for a Yamaha file: commands and parameters (our words), tunnel numbers, gateway ids, addresses. */
export function hoverYamaha(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Hover | null {
  void snapshot;
  const ast = yamahaFileOf(file);
  const facts = yamahaFactsOf(file);
  if (!ast || !facts) return null;
  if (ast.header && pos.line === ast.header.line) {
    const l = facts.limits;
    return { contents: { kind: MarkupKind.Markdown, value: `**${ast.header.model}** firmware Rev.${ast.header.revision}${l ? `\n\nTunnels 1..${l.maxTunnel ?? '?'}, pp 1..${l.maxPp ?? '?'}${l.licenseNote ? ` (license: ${l.licenseNote})` : ''}.` : ''}` }, range: ast.header.range };
  }
  const at = tokenAt(ast.commands, pos);
  if (!at) return null;
  const { cmd, tok } = at;
  const spec = cmd.name ? commandByName(cmd.name) : undefined;
  if (!spec) return null;
  if (cmd.nameTokens.includes(tok) || (cmd.negated && tok === cmd.tokens[0])) return md(commandDoc(spec), tok);
  const b = bindCommand(cmd).args.find((x) => x.token === tok);
  const v = tok.key !== undefined ? tok.kv ?? '' : tok.value;
  const tunnelNo = b?.role === 'tunnel number' || b?.param?.name === 'tunnel_num';
  if (tunnelNo) {
    const t = facts.tunnels.find((x) => String(x.id) === v);
    return md(t ? tunnelSummary(t) : [`**tunnel ${v}** — not configured in this file.`], tok);
  }
  if (b?.param?.name === 'gateway_id') {
    const g = facts.gateways.get(Number(v));
    return md(g ? gatewaySummary(g) : [`**IKE gateway ${v}** — no ipsec ike settings in this file.`], tok);
  }
  if (b?.param?.name === 'policy_id') {
    const p = facts.saPolicies.get(Number(v));
    const users = facts.tunnels.filter((t) => t.ipsecTunnel?.value === Number(v)).map((t) => `tunnel ${t.id}`);
    return md([`**IPsec SA policy ${v}**`, p ? `gateway ${p.gatewayId.value}, ${p.protocol} ${p.espAlgorithm?.value ?? ''} ${p.ahAlgorithm?.value ?? ''}` : 'not defined in this file',
      users.length ? `used by ${users.join(', ')}` : 'used by no tunnel'], tok);
  }
  if (b?.param?.secret) {
    return md([`**${b.param.name}** — secret, ${v.length} characters; the value is never shown by vpnconf.`], tok);
  }
  const addr = v.split('/')[0];
  if (isIPv4(addr)) return md([...addressSummary(facts, addr), ...(b?.param ? paramDoc(b.param) : [])], tok);
  if (b?.param) return md(paramDoc(b.param), tok);
  if (b?.keyword) return md([`**${b.keyword}** — keyword of \`${spec.name}\`.`], tok);
  return null;
}
