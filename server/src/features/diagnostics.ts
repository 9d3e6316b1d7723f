import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Converts a finding to an LSP Diagnostic (source `vpnconf`), passing every text through `redact`. */
export function toDiagnostic(f: Finding, redact: (text: string) => string = (t) => t): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'vpnconf',
    message: redact(f.message),
    relatedInformation: f.related?.map((r) => ({ location: { uri: r.uri, range: r.range }, message: redact(r.message) })),
    data: f.data,
  };
}
