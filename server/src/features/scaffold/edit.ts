import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { uriOfPath } from '../../workspace/workspace';
import type { WorkspaceSnapshot } from '../../workspace/types';
import { mergePeersFile } from './peers-file';
import type { ScaffoldFile } from './types';

/**
 * Turns generated files into one LSP `WorkspaceEdit`: a `CreateFile` plus an insertion for each new file,
 * an insertion at the end for each file to append to (its end read from the snapshot). A vpnconf.json that
 * already exists (`existingText(path)` returns its text; the caller reads it) is replaced by the merge of its
 * peers with the new ones (`mergePeersFile`), never created again. Nothing is written until the client
 * applies the edit.
 */
export function toWorkspaceEdit(files: readonly ScaffoldFile[], snapshot: WorkspaceSnapshot, existingText: (path: string) => string | undefined = () => undefined): WorkspaceEdit {
  const changes: Array<CreateFile | TextDocumentEdit> = [];
  for (const f of files) {
    const uri = uriOfPath(f.path);
    let at = { line: 0, character: 0 };
    const old = f.mode === 'create' && f.path.endsWith('/vpnconf.json') ? existingText(f.path) : undefined;
    if (old !== undefined) {
      const lines = old.split('\n');
      const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
      changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start: at, end }, newText: mergePeersFile(old, f.text) }] });
      continue;
    }
    if (f.mode === 'create') {
      changes.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } });
    } else {
      const known = [...snapshot.files.values()].find((x) => x.path === f.path);
      const lines = known?.lines ?? [''];
      at = { line: lines.length - 1, character: lines[lines.length - 1].length };
    }
    changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start: at, end: at }, newText: f.text }] });
  }
  return { documentChanges: changes };
}
