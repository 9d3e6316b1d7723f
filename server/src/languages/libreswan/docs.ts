import descriptions from './data/descriptions.json';
import type { KeywordSpec, LibreswanVersion } from './keywords';

/** Our own description of a keyword (data/descriptions.json), keyed by canonical name (`left|right` for the host keyword). */
export interface KeywordDoc {
  summary: string;
  details?: string | null;
  default?: string | null;
  example?: string | null;
  versions?: string | null;
}

const DOCS = descriptions as Record<string, KeywordDoc>;

/** The description of a keyword, if written. */
export function keywordDoc(spec: KeywordSpec): KeywordDoc | null {
  return DOCS[spec.name === '' ? 'left|right' : spec.name] ?? null;
}

/** Markdown for a keyword hover: description, type, allowed values, default, status per version. */
export function keywordMarkdown(spec: KeywordSpec, written: string, version: LibreswanVersion): string {
  const doc = keywordDoc(spec);
  const parts: string[] = [`**${written}** — ${spec.section === 'config' ? '`config setup`' : 'conn'} keyword${spec.leftright ? ' (per side: `left…` / `right…`)' : ''}`];
  if (doc?.summary) parts.push(doc.summary + (doc.details ? `\n\n${doc.details}` : ''));
  const type = spec.type[version];
  const values = spec.values[version];
  parts.push(`Type: \`${type}\`${values && values.length ? ` — one of ${values.map((v) => `\`${v}\``).join(', ')}` : ''}`);
  if (doc?.default) parts.push(`Default: \`${doc.default}\``);
  if (doc?.example) parts.push(`Example: \`${doc.example}\``);
  const status = (v: LibreswanVersion): string => {
    const s = spec.status[v];
    if (s === 'deprecated' && spec.replacement[v]) return `alias of \`${spec.replacement[v]}\``;
    return s === 'ok' ? 'supported' : s === 'absent' ? 'unknown' : s;
  };
  parts.push(`Libreswan 4.10: ${status('4')} · Libreswan 5: ${status('5')}${doc?.versions ? ` — ${doc.versions}` : ''}`);
  return parts.join('\n\n');
}
