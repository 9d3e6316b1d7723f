import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Range } from '../../core/types';
import { lineRange } from '../../core/types';
import { yamahaFactsOf, yamahaFileOf } from '../../model/yamaha';
import type { AnalyzedFile } from '../../workspace/types';

function leaf(name: string, detail: string, kind: SymbolKind, range: Range): DocumentSymbol {
  return { name, detail, kind, range, selectionRange: range };
}

/** Outline of a Yamaha file: each tunnel (policy, gateway, inside addresses), each pp peer, and BGP with its neighbors. */
export function symbolsYamaha(file: AnalyzedFile): DocumentSymbol[] {
  const ast = yamahaFileOf(file);
  const facts = yamahaFactsOf(file);
  if (!ast || !facts) return [];
  const out: DocumentSymbol[] = [];
  for (const t of facts.tunnels) {
    const children: DocumentSymbol[] = [];
    if (t.ipsecTunnel) children.push(leaf(`ipsec tunnel ${t.ipsecTunnel.value}`, t.saPolicy ? `gateway ${t.saPolicy.gatewayId.value}` : '', SymbolKind.Field, t.ipsecTunnel.range));
    if (t.ike?.remoteAddress) children.push(leaf(`peer ${t.ike.remoteAddress.value}`, `IKE gateway ${t.ike.id}`, SymbolKind.Field, t.ike.remoteAddress.range));
    if (t.insideAddress) children.push(leaf(`inside ${t.insideAddress.value}/${t.insideAddress.prefixLength}`, t.insideRemote ? `remote ${t.insideRemote.value}` : '', SymbolKind.Field, t.insideAddress.range));
    const range = lineRange(t.selectLine, 0, file.lines[t.endLine]?.length ?? 0);
    range.end.line = t.endLine;
    out.push({
      name: `tunnel ${t.id}`, detail: [t.name?.value ?? t.description?.value, t.enabled ? '' : 'not enabled'].filter(Boolean).join(' — '),
      kind: SymbolKind.Interface, range, selectionRange: t.idRange, children,
    });
  }
  for (const b of ast.blocks) {
    if (b.kind !== 'pp') continue;
    out.push({ name: `pp ${b.id}`, kind: SymbolKind.Interface, range: b.range, selectionRange: lineRange(b.selectLine, 0, file.lines[b.selectLine]?.length ?? 0) });
  }
  const bgpCmds = ast.commands.filter((c) => c.name?.startsWith('bgp '));
  if (bgpCmds.length) {
    const first = bgpCmds[0];
    const last = bgpCmds[bgpCmds.length - 1];
    const range: Range = { start: { line: first.line, character: 0 }, end: last.range.end };
    out.push({
      name: facts.bgp.asn ? `bgp AS ${facts.bgp.asn.value}` : 'bgp', kind: SymbolKind.Module, range,
      selectionRange: facts.bgp.asn?.range ?? first.range,
      children: facts.bgp.neighbors.map((n) => leaf(`neighbor ${n.id.value} ${n.address.value}`, `AS ${n.asn.value}${n.localAddress ? `, local ${n.localAddress.value}` : ''}`, SymbolKind.Object, n.range)),
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}
