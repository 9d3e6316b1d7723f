import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';

/**
 * Quick fixes attached to diagnostics: replace an unknown keyword by a suggestion, an old keyword by its
 * current name. Edits are returned, never applied: the user chooses.
 */
export function codeActions(file: AnalyzedFile, diagnostics: readonly Diagnostic[], _snapshot: WorkspaceSnapshot): CodeAction[] {
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
  }
  return out;
}
