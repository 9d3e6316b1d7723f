import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import { lineRange } from '../../core/types';
import type { YamahaContext } from '../../languages/yamaha/ast';
import { bindCommand } from '../../languages/yamaha/bind';
import { COMMANDS, commandByName, matchCommand, type CatalogParam } from '../../languages/yamaha/catalog';
import { lexLine } from '../../languages/yamaha/lexer';
import { describeParam } from '../../languages/yamaha/values';
import { yamahaFactsOf, yamahaFileOf } from '../../model/yamaha';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';
import type { CompletionData } from './resolve';

/** The selection in effect at a line (last command before it decides). */
function contextAt(file: AnalyzedFile, line: number): YamahaContext {
  const ast = yamahaFileOf(file);
  let ctx: YamahaContext = { kind: 'global' };
  for (const c of ast?.commands ?? []) {
    if (c.line >= line) break;
    ctx = c.context;
    if (c.name === 'tunnel select' || c.name === 'pp select') {
      const v = c.args[0]?.value;
      ctx = v && /^\d+$/.test(v) ? (c.name === 'tunnel select' ? { kind: 'tunnel', id: Number(v), selectLine: c.line } : { kind: 'pp', id: Number(v), selectLine: c.line })
        : v === 'anonymous' ? { kind: 'pp', id: 'anonymous', selectLine: c.line } : { kind: 'global' };
    }
  }
  return ctx;
}

function fitsContext(context: string, ctx: YamahaContext): boolean {
  return context === 'global' || context === 'any' || context === ctx.kind;
}

/**
 * Completion in a Yamaha file: command names valid in the current selection (whole names, replacing what is
 * typed), then parameters: enum values, on/off, `key=` options, and ids defined in the file (tunnels, SA
 * policies, IKE gateways, BGP filters).
 */
export function completeYamaha(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): CompletionItem[] {
  void snapshot;
  const facts = yamahaFactsOf(file);
  if (!facts) return [];
  const lineText = (file.lines[pos.line] ?? '').slice(0, pos.character);
  const lx = lexLine(lineText, pos.line);
  if (lx.comment) return [];
  const partial = /[ \t]$/.test(lineText) || lx.tokens.length === 0 ? '' : lx.tokens[lx.tokens.length - 1].value;
  const done = partial ? lx.tokens.slice(0, -1) : lx.tokens;
  const ctx = contextAt(file, pos.line);
  const words = done.map((t) => t.value.toLowerCase());
  const neg = words[0] === 'no' ? 1 : 0;
  const m = matchCommand(words.slice(neg));
  const typedAll = [...words.slice(neg), partial.toLowerCase()].join(' ');
  const start = lx.tokens[neg]?.start ?? pos.character;
  const items: CompletionItem[] = [];
  if (!m.command || m.deepestWords > m.nameWords || m.nameWords === words.length - neg) {
    for (const c of COMMANDS) {
      if (c.operational && !c.name.startsWith('bgp configure')) continue;
      if (!fitsContext(c.context, ctx) || !c.name.startsWith(typedAll) || c.name.includes('<')) continue;
      items.push({
        label: c.name, kind: CompletionItemKind.Keyword, detail: c.syntax,
        sortText: `${c.validated ? '0' : '1'}${c.name}`,
        textEdit: { range: lineRange(pos.line, start, pos.character), newText: c.name },
        data: { vpnconf: 'yamaha-command', name: c.name } satisfies CompletionData,
      });
    }
    if (!m.command || m.deepestWords > m.nameWords) return items;
  }
  const spec = commandByName(m.command.name)!;
  const argsDone = done.length - neg - m.nameWords;
  const fake = bindCommand({
    line: pos.line, range: lineRange(pos.line, 0, lineText.length), indent: lx.indent, tokens: done, negated: !!neg,
    name: spec.name, nameTokens: done.slice(neg, neg + m.nameWords), args: done.slice(neg + m.nameWords), context: ctx,
  });
  const pos2 = spec.params.filter((p) => p.type !== 'key=value');
  const lastBound = [...fake.args].reverse().find((a) => a.param && a.param.type !== 'key=value')?.param;
  let idx = lastBound ? pos2.indexOf(lastBound) + (lastBound.repeat ? 0 : 1) : 0;
  if (argsDone === 0) idx = 0;
  const candidates: CatalogParam[] = [];
  for (let i = idx; i < pos2.length; i++) { candidates.push(pos2[i]); if (!pos2[i].optional) break; }
  const add = (label: string, kind: CompletionItemKind, detail?: string): void => {
    if (label.toLowerCase().startsWith(partial.toLowerCase()) && !items.some((x) => x.label === label)) items.push({ label, kind, detail });
  };
  for (const p of candidates) {
    for (const v of idValues(p, spec.name, facts, ctx)) add(v.label, CompletionItemKind.Reference, v.detail);
    if (p.type === 'on-off') { add('on', CompletionItemKind.EnumMember); add('off', CompletionItemKind.EnumMember); }
    for (const v of p.values ?? []) if (!/\.\./.test(v)) add(v, CompletionItemKind.EnumMember, `${p.name}: ${describeParam(p)}`);
  }
  const usedKeys = new Set(done.map((t) => t.key?.toLowerCase()).filter(Boolean));
  for (const p of spec.params) {
    if (p.type === 'key=value' && !usedKeys.has(p.name)) add(`${p.name}=`, CompletionItemKind.Property, describeParam(p));
  }
  return items;
}

function idValues(p: CatalogParam, name: string, facts: NonNullable<ReturnType<typeof yamahaFactsOf>>, ctx: YamahaContext): { label: string; detail: string }[] {
  const out: { label: string; detail: string }[] = [];
  if (p.name === 'tunnel_num') {
    for (const t of facts.tunnels) out.push({ label: String(t.id), detail: `tunnel ${t.id}${t.enabled ? '' : ' (not enabled)'}` });
    if (name === 'tunnel enable' && ctx.kind === 'tunnel') out.unshift({ label: String(ctx.id), detail: 'the selected tunnel' });
  } else if (p.name === 'policy_id') {
    for (const sp of facts.saPolicies.values()) out.push({ label: String(sp.id.value), detail: `SA policy → gateway ${sp.gatewayId.value}` });
  } else if (p.name === 'gateway_id') {
    const t = ctx.kind === 'tunnel' ? facts.tunnels.find((x) => x.id === ctx.id) : undefined;
    if (t?.saPolicy) out.push({ label: String(t.saPolicy.gatewayId.value), detail: `gateway of tunnel ${t.id}'s policy ${t.saPolicy.id.value}` });
    for (const g of facts.gateways.keys()) out.push({ label: String(g), detail: `IKE gateway ${g}` });
    if (ctx.kind === 'tunnel' && out.length === 0) out.push({ label: String(ctx.id), detail: 'same number as the selected tunnel' });
  } else if (p.name === 'filter_num' && (name === 'bgp import' || name === 'bgp export')) {
    const map = name === 'bgp import' ? facts.bgp.importFilters : facts.bgp.exportFilters;
    for (const id of map.keys()) out.push({ label: String(id), detail: `${name} filter ${id}` });
  } else if (p.name === 'remote_as' && name !== 'bgp neighbor') {
    for (const n of facts.bgp.neighbors) out.push({ label: String(n.asn.value), detail: `AS of neighbor ${n.id.value}` });
  }
  return out;
}
