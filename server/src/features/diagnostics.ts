import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { boundMessage } from '../core/message';
import type { Finding, Severity } from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Converts a finding to an LSP Diagnostic (source `vpnconf`), passing every text through `redact`, then
 * cutting it to `MAX_MESSAGE_LENGTH` (`boundMessage`).
 */
export function toDiagnostic(f: Finding, redact: (text: string) => string = (t) => t): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'vpnconf',
    message: boundMessage(redact(f.message)),
    relatedInformation: f.related?.map((r) => ({ location: { uri: r.uri, range: r.range }, message: boundMessage(redact(r.message)) })),
    data: f.data,
  };
}
