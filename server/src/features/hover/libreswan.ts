import { Address4, Address6 } from 'ip-address';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import { keywordMarkdown } from '../../languages/libreswan/docs';
import { findKeyword } from '../../languages/libreswan/keywords';
import { libreswanTargetAt } from '../../languages/libreswan/position';
import { libreswanHost } from '../../model/libreswan';
import { hoverInside } from './tunnel';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';

const md = (value: string, range?: Hover['range']): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range });

/** Describes an IPv4/IPv6 address or CIDR: network, prefix, mask, usable hosts. Null if not an address. */
export function describeSubnet(text: string): string | null {
  const t = text.trim();
  try {
    if (Address4.isValid(t)) {
      const a = new Address4(t.includes('/') ? t : `${t}/32`);
      const prefix = a.subnetMask;
      const total = 2 ** (32 - prefix);
      const usable = prefix >= 31 ? total : total - 2;
      return `IPv4 \`${a.startAddress().correctForm()}/${prefix}\` — ${a.startAddress().correctForm()} to ${a.endAddress().correctForm()}, ${usable} usable host${usable === 1 ? '' : 's'}${prefix === 30 ? ' (a /30 point-to-point link)' : prefix === 31 ? ' (a /31 point-to-point link, RFC 3021)' : ''}`;
    }
    if (Address6.isValid(t)) {
      const a = new Address6(t.includes('/') ? t : `${t}/128`);
      return `IPv6 \`${a.startAddress().correctForm()}/${a.subnetMask}\``;
    }
  } catch {
    return null;
  }
  return null;
}

/** Hover in ipsec.conf files: keyword docs, subnet math, also= targets, marks of the host, conn summaries. */
export function hoverLibreswan(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): Hover | null {
  if (file.parsed.languageId !== 'libreswan') return null;
  const t = libreswanTargetAt(file.parsed.ast, pos);
  const version = snapshot.options.libreswanVersion;
  const host = snapshot.hosts.hostOfUri.get(file.uri);
  if (t.kind === 'key') {
    const m = findKeyword(t.setting.key, t.section.kind);
    if (!m) return null;
    return md(keywordMarkdown(m.spec, t.setting.key, version), t.setting.keyRange);
  }
  if (t.kind === 'value' && t.setting.value) {
    const m = findKeyword(t.setting.key, t.section.kind);
    const v = t.setting.value.text;
    const range = t.setting.value.range;
    if (!m) return null;
    if (m.spec.name === 'also' && host) {
      const lh = libreswanHost(snapshot, host);
      const target = lh.conns.get(v)?.[0];
      if (!target) return md(`No conn \`${v}\` on this host.`, range);
      const lines = target.section.settings.map((s) => `    ${s.key}=${s.value?.text ?? ''}`);
      return md(`conn **${v}** (${target.file.path.split('/').slice(-2).join('/')}:${target.section.headerRange.start.line + 1})\n\n\`\`\`\nconn ${v}\n${lines.join('\n')}\n\`\`\``, range);
    }
    if (m.spec.name.startsWith('mark') && host) {
      const lh = libreswanHost(snapshot, host);
      const rows: string[] = [];
      for (const [name, defs] of lh.conns) {
        const r = lh.resolve(defs[0]);
        const mk = r.settings.get('mark') ?? r.settings.get('mark-in') ?? r.settings.get('mark-out');
        if (mk?.setting.value) rows.push(`- \`${name}\`: mark ${mk.setting.value.text}${r.settings.get('vti-interface') ? ` on ${r.settings.get('vti-interface')!.setting.value?.text ?? ''}` : ''}`);
      }
      return md(`**Marks on this host** (each route-based conn needs its own):\n\n${rows.join('\n')}`, range);
    }
    const subnet = v.split(/[,\s]+/).filter(Boolean).map(describeSubnet).filter((x): x is string => !!x);
    const inside = m.spec.name === 'vti' ? hoverInside(snapshot, file.uri, pos) : null;
    if (inside) return md([...subnet, (inside.contents as { value: string }).value].join('\n\n'), range);
    if (subnet.length) return md(subnet.join('\n\n'), range);
    return md(keywordMarkdown(m.spec, t.setting.key, version), t.setting.keyRange);
  }
  if (t.kind === 'section' && t.section.kind === 'conn' && host) {
    const lh = libreswanHost(snapshot, host);
    const def = lh.conns.get(t.section.name)?.find((d) => d.section === t.section);
    if (!def) return md(t.section.name === '%default' ? '`conn %default`: settings here apply to every conn of the host unless the conn sets them itself.' : `conn **${t.section.name}**`, t.section.nameRange);
    const r = lh.resolve(def);
    const keys = ['left', 'leftid', 'right', 'rightid', 'authby', 'ike', 'esp', 'leftvti', 'rightvti', 'mark', 'vti-interface', 'leftsubnet', 'rightsubnet', 'auto'];
    const rows = keys.filter((k) => r.settings.has(k)).map((k) => `    ${k}=${r.settings.get(k)!.setting.value?.text ?? ''}`);
    return md(`conn **${t.section.name}** — effective settings (with %default and also=):\n\n\`\`\`\n${rows.join('\n')}\n\`\`\``, t.section.nameRange);
  }
  return null;
}
