import type { WorkspaceSnapshot } from '../workspace/types';

/**
 * Every secret value held in the snapshot's secrets files (PSK, XAUTH, PPKS), for a last-line defence:
 * output is scanned and any secret of 4+ characters is replaced by `****` before it leaves the process.
 */
export function collectSecrets(snapshot: WorkspaceSnapshot): string[] {
  const out = new Set<string>();
  for (const f of snapshot.files.values()) {
    if (f.parsed.languageId === 'libreswan-secrets') {
      for (const e of f.parsed.ast.entries) if (e.secret && e.secret.length >= 4) out.add(e.secret);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of a secret in `text` with `****`. */
export function redact(text: string, secrets: readonly string[]): string {
  for (const s of secrets) if (text.includes(s)) text = text.split(s).join('****');
  return text;
}
