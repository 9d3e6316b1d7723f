import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { FIXES } from '../checks/fixes';
import type { CodeActionLike } from '../checks/fix-types';

/**
 * Quick fixes attached to diagnostics: replace an unknown keyword by a suggestion, an old keyword by its
 * current name, and the cross-file fixes of checks/fixes.ts (PSK copy or generation, mark renumbering,
 * inside addresses). Edits are returned, never applied: the user chooses.
 */
export function codeActions(file: AnalyzedFile, diagnostics: readonly Diagnostic[], snapshot: WorkspaceSnapshot): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const data = d.data as { suggestions?: string[]; replacement?: string } | undefined;
    const replacements = d.code === 'unknown-keyword' ? (data?.suggestions ?? []) : d.code === 'deprecated-keyword' && data?.replacement ? [data.replacement] : [];
    replacements.forEach((r, i) =>
      out.push({
        title: `Change to \`${r}\``,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: i === 0,
        edit: { changes: { [file.uri]: [{ range: d.range, newText: r }] } },
      }),
    );
    const provider = typeof d.code === 'string' ? FIXES[d.code] : undefined;
    if (provider) {
      for (const fix of provider({ uri: file.uri, range: d.range, code: d.code as string, data: d.data }, snapshot)) out.push(toCodeAction(fix, d));
    }
  }
  return out;
}

/** An LSP code action from a pure fix: edits grouped by file URI (cross-file fixes edit several files). */
export function toCodeAction(fix: CodeActionLike, d: Diagnostic): CodeAction {
  const changes: Record<string, Array<{ range: Diagnostic['range']; newText: string }>> = {};
  for (const e of fix.edits) (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: !!fix.isPreferred, edit: { changes } };
}
