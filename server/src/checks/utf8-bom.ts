import type { FileProblem } from '../core/types';
import type { FileCheck } from './types';
import { firstLineRange } from './util';

/** What the real tool makes of the BOM, per language (measured; see the check's docstring). */
const EFFECT: Readonly<Record<string, string>> = {
  libreswan: "Libreswan's addconn reads it as part of the first word and rejects the whole file with a syntax error on line 1",
  'libreswan-secrets': 'pluto reads it as part of the first ID on line 1, so that entry (or a comment there) is misread and the line is refused',
  frr: 'FRR reads it as part of the first command, so line 1 is an unknown command',
};

/**
 * A file that starts with a UTF-8 byte order mark (EF BB BF). The decoder drops the BOM from the text
 * (`workspace/disk.ts`), so the disk reader records it in `AnalyzedFile.bom` and this check reports it.
 * Measured with the real tools (../shared/oracles/):
 * - Libreswan 4.10 `addconn --checkconfig`: `syntax error [<BOM>config]` (or `[<BOM>conn]`, `[<BOM>#]`) on
 *   line 1, exit 3: the file is not loaded at all.
 * - Libreswan 4.10 pluto secrets parser: `index "<BOM>192.0.2.1" not a numeric IPv4 address and name lookup
 *   failed` on line 1 (a leading comment becomes IDs, and the next line then fails).
 * - FRR 8.4.4 `vtysh -C`: `% Unknown command: <BOM>router bgp 65000` (or `<BOM>!`) on line 1.
 * Reported once per file on line 1 (0-based LSP range: the first line's text); Yamaha files are not checked
 * (not measured on a router). No quick fix: the editor's text never holds the BOM, so no text edit can
 * remove it; the message says how to save the file without it. In the server, the flag comes from the
 * disk read and stays while the file is open (`WorkspaceStore.set`, `readBom`).
 */
export const check: FileCheck = {
  code: 'utf8-bom',
  defaultSeverity: 'error',
  description: 'An ipsec.conf, secrets or FRR file starts with a UTF-8 byte order mark, which Libreswan and FRR read as part of line 1.',
  scope: 'file',
  languages: ['libreswan', 'libreswan-secrets', 'frr'],
  run(file) {
    if (!file.bom) return [];
    const problem: FileProblem = {
      range: firstLineRange(file),
      severity: 'error',
      code: 'utf8-bom',
      message: `This file starts with a UTF-8 byte order mark (BOM), invisible in most editors; ${EFFECT[file.languageId] ?? 'the tool reads it as part of line 1'}. Save the file as UTF-8 without BOM (in VS Code: click the encoding in the status bar, Save with Encoding, UTF-8).`,
    };
    return [problem];
  },
};
