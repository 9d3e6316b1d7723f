/** Shared helpers of the FRR checks: facts of an analyzed file (cached per file object). */
import type { FrrFile } from '../languages/frr/ast';
import type { FrrFacts } from '../languages/frr/facts';
import { lowerFrr } from '../languages/frr/lower';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';

const cache = new WeakMap<FrrFile, FrrFacts>();

/** The FRR AST of a file, or null for other languages. */
export function frrAst(file: AnalyzedFile): FrrFile | null {
  return file.parsed.languageId === 'frr' ? file.parsed.ast : null;
}

/** The lowered facts of an FRR file (null for other languages). */
export function frrFacts(file: AnalyzedFile): FrrFacts | null {
  const ast = frrAst(file);
  if (!ast) return null;
  let f = cache.get(ast);
  if (!f) {
    f = lowerFrr(ast);
    cache.set(ast, f);
  }
  return f;
}

/**
 * Records `facts` as the lowered facts of `ast` (CLI streaming: a stand-in file with an empty AST keeps
 * the facts lowered from the real one, so host-level checks that run later still see them).
 */
export function seedFrrFacts(ast: FrrFile, facts: FrrFacts): void {
  cache.set(ast, facts);
}

/** Every FRR file of the same host as `file` (including itself), in a stable order. */
export function frrFilesOfHost(file: AnalyzedFile, snapshot: WorkspaceSnapshot): AnalyzedFile[] {
  const host = snapshot.hosts.hostOfUri.get(file.uri);
  const uris = host ? host.fileUris : [file.uri];
  return uris.map((u) => snapshot.files.get(u)).filter((f): f is AnalyzedFile => !!f && f.languageId === 'frr').sort((a, b) => a.uri.localeCompare(b.uri));
}
