import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { Position } from '../../core/types';
import type { Section } from '../../languages/libreswan/ast';
import { findKeyword, KEYWORDS, type LibreswanVersion } from '../../languages/libreswan/keywords';
import { libreswanHost, canonicalKey } from '../../model/libreswan';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../workspace/types';
import type { CompletionData } from './resolve';

/** Special values Libreswan accepts for `left`/`right` (host addresses). */
const HOST_MAGIC = ['%defaultroute', '%any', '%any6', '%direct', '%opportunistic', '%opportunisticgroup', '%group'];
/** Special values for `leftid`/`rightid`. */
const ID_MAGIC = ['%fromcert', '%any', '%none'];

function sectionAt(file: AnalyzedFile, line: number): Section | null {
  if (file.parsed.languageId !== 'libreswan') return null;
  let found: Section | null = null;
  for (const s of file.parsed.ast.sections) if (s.headerRange.start.line <= line) found = s;
  return found;
}

/**
 * Keyword items valid in a section for a version, minus the ones already set in that section. The
 * documentation comes later, through `completionItem/resolve` (`data`: see resolve.ts).
 */
function keywordItems(section: Section, version: LibreswanVersion): CompletionItem[] {
  const set = new Set<string>();
  for (const s of section.settings) {
    const m = findKeyword(s.key, section.kind);
    if (m && m.spec.name !== 'also') set.add(canonicalKey(m.spec, m.side, version));
  }
  const items: CompletionItem[] = [];
  KEYWORDS.forEach((spec, index) => {
    if (spec.section !== section.kind) return;
    const st = spec.status[version];
    if (st === 'absent' || st === 'obsolete' || st === 'deprecated') return;
    const names = spec.leftright ? [`left${spec.name}`, `right${spec.name}`] : [spec.name];
    for (const name of names) {
      if (set.has(name)) continue;
      items.push({
        label: name,
        kind: CompletionItemKind.Property,
        detail: spec.type[version],
        insertText: `${name}=`,
        command: { title: 'values', command: 'editor.action.triggerSuggest' },
        data: { vpnconf: 'libreswan-keyword', index, name, version } satisfies CompletionData,
      });
    }
  });
  return items;
}

/** Completion in ipsec.conf files: headers at column 0, keywords in sections, values after `=`. */
export function completeLibreswan(file: AnalyzedFile, pos: Position, snapshot: WorkspaceSnapshot): CompletionItem[] {
  const version = snapshot.options.libreswanVersion;
  const line = file.lines[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  if (!/^[\t ]/.test(before)) {
    return [
      { label: 'conn', kind: CompletionItemKind.Keyword, insertText: 'conn ${1:name}\n\t$0', insertTextFormat: InsertTextFormat.Snippet, detail: 'new connection section' },
      { label: 'config setup', kind: CompletionItemKind.Keyword, insertText: 'config setup\n\t$0', insertTextFormat: InsertTextFormat.Snippet, detail: 'global settings section' },
      { label: 'include', kind: CompletionItemKind.Keyword, insertText: 'include ${1:/etc/ipsec.d/*.conf}', insertTextFormat: InsertTextFormat.Snippet, detail: 'read more files' },
    ].filter((i) => i.label.startsWith(before.trim()));
  }
  const section = sectionAt(file, pos.line);
  if (!section) return [];
  const eq = before.indexOf('=');
  if (eq < 0) return keywordItems(section, version);
  const key = before.slice(0, eq).trim();
  const m = findKeyword(key, section.kind);
  if (!m) return [];
  const items: CompletionItem[] = [];
  const value = (label: string, detail?: string): void => void items.push({ label, kind: CompletionItemKind.Value, detail });
  for (const v of m.spec.values[version] ?? []) value(v);
  if (m.spec.name === '' || m.spec.name === 'nexthop') HOST_MAGIC.forEach((v) => value(v, 'special host value'));
  if (m.spec.name === 'id') ID_MAGIC.forEach((v) => value(v, 'special ID value'));
  if (m.spec.name === 'also') {
    const host = snapshot.hosts.hostOfUri.get(file.uri);
    if (host) for (const name of libreswanHost(snapshot, host).conns.keys()) if (name !== section.name) items.push({ label: name, kind: CompletionItemKind.Reference, detail: 'conn on this host' });
  }
  return items;
}
