/** Test helpers for the Yamaha language: locate shared/, build snapshots, run the rtx checks. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Finding } from '../../../server/src/core/types';
import { CheckCache, runChecks } from '../../../server/src/checks/run';
import { rtxChecks } from '../../../server/src/checks/rtx-index';
import { WorkspaceStore, uriOfPath } from '../../../server/src/workspace/workspace';
import type { AnalyzedFile, WorkspaceSnapshot } from '../../../server/src/workspace/types';

/** The `shared/reference/yamaha-rtx` folder beside the repository (or beside its worktree parent). */
export function yamahaReferenceDir(): string {
  for (let dir = resolve(__dirname); dir !== dirname(dir); dir = dirname(dir)) {
    const cand = join(dir, 'shared', 'reference', 'yamaha-rtx');
    if (existsSync(join(cand, 'commands.json'))) return cand;
  }
  throw new Error('shared/reference/yamaha-rtx not found');
}

/** The repository root (folder holding package.json) above the compiled test. */
export function repoRoot(): string {
  for (let dir = resolve(__dirname); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server'))) return dir;
  }
  throw new Error('repository root not found');
}

/** Builds a snapshot of Yamaha files given as absolute path -> text. */
export function snapshotOf(files: Record<string, string>): { snapshot: WorkspaceSnapshot; files: AnalyzedFile[] } {
  const store = new WorkspaceStore({ libreswanVersion: '5' });
  const out: AnalyzedFile[] = [];
  for (const [path, text] of Object.entries(files)) {
    const f = store.set(uriOfPath(path), text, 1, path.endsWith('.rtx') || path.endsWith('.txt') ? 'yamaha-rtx' : null);
    if (f) out.push(f);
  }
  return { snapshot: store.snapshot(), files: out };
}

/** Runs only the rtx checks over a snapshot; returns every finding. */
export function rtxFindings(snapshot: WorkspaceSnapshot): Finding[] {
  const m = runChecks(snapshot, {}, new CheckCache(), rtxChecks);
  return [...m.values()].flat();
}

/** Reads a file as bytes. */
export function bytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
