import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Check } from '../checks/types';
import type { CliFinding } from './report';

const LEVEL: Record<CliFinding['severity'], Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * Builds a SARIF 2.1.0 log (OASIS SARIF v2.1.0, the format code-scanning services read) with one rule per
 * check and one result per finding. Locations use 1-based lines/columns relative to `%SRCROOT%`.
 */
export function toSarif(list: readonly CliFinding[], checks: readonly Check[], version: string): Log {
  const rules: ReportingDescriptor[] = checks.map((c) => ({ id: c.code, shortDescription: { text: c.description }, defaultConfiguration: { level: LEVEL[c.defaultSeverity] } }));
  rules.push(
    { id: 'unreadable-file', shortDescription: { text: 'A file vpnconf should read is binary, too large or unreadable (exit status 2).' }, defaultConfiguration: { level: 'error' } },
    { id: 'vpnconf-json', shortDescription: { text: 'vpnconf.json is not valid JSON or not of the expected shape (exit status 2).' }, defaultConfiguration: { level: 'error' } },
  );
  const known = new Set(rules.map((r) => r.id));
  for (const f of list) {
    if (!known.has(f.code)) {
      known.add(f.code);
      rules.push({ id: f.code, shortDescription: { text: f.code } });
    }
  }
  const results: Result[] = list.map((f) => ({
    ruleId: f.code,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriReference(f.file), uriBaseId: '%SRCROOT%' }, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
    relatedLocations: f.related.map((r, i) => ({ id: i + 1, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: uriReference(r.file), uriBaseId: '%SRCROOT%' }, region: { startLine: r.line } } })),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'vpnconf', version, rules } }, results }],
  };
}

/**
 * A POSIX path (relative to the PATH given, or absolute) as a SARIF `artifactLocation.uri`: a URI reference
 * (RFC 3986), so each segment is percent-encoded (`my gw/ipsec.conf` -> `my%20gw/ipsec.conf`); `/` stays.
 */
export function uriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
