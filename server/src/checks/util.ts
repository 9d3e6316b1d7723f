import type { Finding, FileProblem, Range, RelatedPlace } from '../core/types';
import type { Section, Setting } from '../languages/libreswan/ast';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import type { Host } from '../workspace/hosts';
import { libreswanHost, type LibreswanHost } from '../model/libreswan';
import type { WorkspaceCheck } from './types';

/** Every (section, setting) pair of a Libreswan file, in file order. Empty for other languages. */
export function* libreswanSettings(file: AnalyzedFile): Generator<{ section: Section; setting: Setting }> {
  if (file.parsed.languageId !== 'libreswan') return;
  for (const section of file.parsed.ast.sections) for (const setting of section.settings) yield { section, setting };
}

/** Builds a workspace finding in a file. */
export function findingAt(file: AnalyzedFile, range: Range, p: Omit<FileProblem, 'range'>, related?: RelatedPlace[]): Finding {
  return { uri: file.uri, range, ...p, ...(related && related.length ? { related } : {}) };
}

/**
 * The `run`/`runHost` pair of a workspace check whose findings for a host depend only on that host's files
 * (and the options): `run` concatenates the hosts in snapshot order, `runHost` lets the runner cache each
 * host's findings until one of its files changes (checks/run.ts), so an edit re-runs the check on one host.
 */
export function perHost(fn: (snapshot: WorkspaceSnapshot, host: Host) => Finding[]): Pick<WorkspaceCheck, 'run' | 'runHost'> {
  return {
    runHost: fn,
    run(snapshot) {
      const out: Finding[] = [];
      for (const host of snapshot.hosts.hosts.values()) for (const f of fn(snapshot, host)) out.push(f);
      return out;
    },
  };
}

/** `perHost` over the hosts that hold a Libreswan ipsec.conf-format file, given their joined model. */
export function perLibreswanHost(fn: (h: LibreswanHost) => Finding[]): Pick<WorkspaceCheck, 'run' | 'runHost'> {
  return perHost((snapshot, host) => (host.fileUris.some((u) => snapshot.files.get(u)?.languageId === 'libreswan') ? fn(libreswanHost(snapshot, host)) : []));
}
