import { posix } from 'node:path';
import type { Finding } from '../core/types';
import { firstLineRange, libreswanSettings, perHost } from './util';
import { resolveInclude } from '../model/libreswan';
import { secretsFilesByDir, secretsReach } from '../model/secrets';
import type { Host } from '../workspace/hosts';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import type { CodeActionLike, FixableFinding } from './fix-types';
import type { WorkspaceCheck } from './types';

/**
 * `secrets-not-included`: a secrets file of a host that pluto never reads. Pluto opens one secrets file,
 * `ipsec.secrets` (the `secretsfile` setting of `config setup`, default /etc/ipsec.secrets), and follows
 * the `include` lines in it, nested (Libreswan `lib/libswan/secrets.c` v4.10: `lsw_load_preshared_secrets`
 * reads the one file, `process_secret_records` hands an `include` line to `process_secrets_file`, which
 * globs it and reads each match in place, at most 10 levels deep; pluto sets the file from `secretsfile=`
 * in programs/pluto/plutomain.c; the packaged ipsec.secrets of Debian and Fedora holds just
 * `include /etc/ipsec.d/*.secrets`). Any other
 * `*.secrets` file is loaded only when such an include reaches it, so keys kept in an unreached file
 * are never loaded and their conns fail to authenticate.
 *
 * Includes are resolved as in model/secrets.ts `secretsReach` (relative to the including file, `/etc/...`
 * re-rooted at the host). Silent when the host has no `ipsec.secrets` in the workspace (the user keeps
 * only snippets) and when `config setup` names another `secretsfile` (we cannot tell which file it is).
 * Warning on the first line of the unreached file, `related` → ipsec.secrets. Quick fix: append an
 * include that reaches the file to the end of ipsec.secrets.
 */
export const check: WorkspaceCheck = {
  code: 'secrets-not-included',
  defaultSeverity: 'warning',
  description: 'A secrets file of the host that no `include` of ipsec.secrets reaches: pluto never loads its keys.',
  scope: 'workspace',
  ...perHost((snapshot, host) => unreachedOnHost(snapshot, host)),
};

function unreachedOnHost(snapshot: WorkspaceSnapshot, host: Host): Finding[] {
  const { main, files, reached } = secretsReach(snapshot, host);
  if (!main || files.length < 2 || otherSecretsfile(snapshot, host)) return [];
  const out: Finding[] = [];
  for (const file of files) {
    if (reached.has(file)) continue;
    const name = posix.relative(posix.dirname(main.path), file.path);
    out.push({
      uri: file.uri,
      range: firstLineRange(file),
      severity: 'warning',
      code: 'secrets-not-included',
      message: `pluto reads only ipsec.secrets and the files it includes, and no include line reaches \`${name}\`: the keys in this file are never loaded. Add an \`include\` for it to ipsec.secrets.`,
      related: [{ uri: main.uri, range: firstLineRange(main), message: 'the secrets file pluto reads (none of its include lines reaches the other file)' }],
    });
  }
  return out;
}

/** True when a `config setup` of the host sets `secretsfile` to a file not named ipsec.secrets. */
function otherSecretsfile(snapshot: WorkspaceSnapshot, host: Host): boolean {
  for (const uri of host.fileUris) {
    const file = snapshot.files.get(uri);
    if (!file || file.parsed.languageId !== 'libreswan') continue;
    for (const { section, setting } of libreswanSettings(file)) {
      if (section.kind !== 'config' || setting.key.toLowerCase() !== 'secretsfile' || !setting.value) continue;
      if (posix.basename(setting.value.text) !== 'ipsec.secrets') return true;
    }
  }
  return false;
}


/**
 * The include line that makes pluto read `file`, as written on the host (paths under /etc): the packaged
 * `/etc/ipsec.d/*.secrets` for a file directly in the host's ipsec.d/ (unless some file it matches is
 * read already), else the file's own path under /etc. Undefined when the line would not reach the file.
 */
function includeFor(main: AnalyzedFile, file: AnalyzedFile, files: readonly AnalyzedFile[], reached: ReadonlySet<AnalyzedFile>): string | undefined {
  const root = posix.dirname(main.path);
  const rel = posix.relative(root, file.path);
  if (rel.startsWith('..') || posix.isAbsolute(rel)) return undefined;
  const byDir = secretsFilesByDir(files);
  const reaches = (pattern: string): AnalyzedFile[] => resolveInclude(main.path, pattern, byDir);
  // The packaged glob, unless it would read again a file an include already reads (then the file alone).
  if (/^ipsec\.d\/[^/]+\.secrets$/.test(rel)) {
    const glob = reaches('/etc/ipsec.d/*.secrets');
    if (glob.includes(file) && !glob.some((f) => reached.has(f))) return '/etc/ipsec.d/*.secrets';
  }
  return reaches(`/etc/${rel}`).includes(file) ? `/etc/${rel}` : undefined;
}

/** Quick fix: append `include <pattern>` at the end of the host's ipsec.secrets. */
export function fixes(finding: FixableFinding, snapshot: WorkspaceSnapshot): CodeActionLike[] {
  const file = snapshot.files.get(finding.uri);
  if (!file || file.parsed.languageId !== 'libreswan-secrets') return [];
  const host = snapshot.hosts.hostOfUri.get(file.uri);
  if (!host) return [];
  const { main, files, reached } = secretsReach(snapshot, host);
  if (!main || reached.has(file)) return [];
  const pattern = includeFor(main, file, files, reached);
  if (!pattern) return [];
  const eol = main.text.includes('\r\n') ? '\r\n' : '\n';
  const last = main.lines.length - 1;
  const lastText = main.lines[last] ?? '';
  const at = { line: Math.max(last, 0), character: lastText.length };
  const newText = `${lastText.length ? eol : ''}include ${pattern}${eol}`;
  return [{ title: `Include ${pattern} in ipsec.secrets`, edits: [{ uri: main.uri, range: { start: at, end: at }, newText }], isPreferred: true }];
}
