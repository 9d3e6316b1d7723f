import type { FileProblem, Range } from '../core/types';
import { validateAlgorithms } from '../languages/libreswan/algorithms';
import { findKeyword } from '../languages/libreswan/keywords';
import { validateValue, type ValueType } from '../languages/libreswan/values';
import type { Section } from '../languages/libreswan/ast';
import type { AnalyzedFile, WorkspaceSnapshot } from '../workspace/types';
import { libreswanSettings } from './util';

const memo = new WeakMap<AnalyzedFile, { version: string; problems: FileProblem[] }>();

/**
 * Validator results by (version, IKE version, keyword as written, type, value text). The validators are pure
 * and report offsets relative to the value, so equal values share one result: real files repeat the same
 * proposals and flags in every conn, and a 5,000-line ipsec.conf re-validated on each keystroke spent most
 * of its file-check time here (BENCH.md).
 */
const issueMemo = new Map<string, ReturnType<typeof validateValue>>();

/** IKE version a section asks for: 1 with `ikev2=no|never` or `keyexchange=ikev1`, else 2. */
function ikeVersionOf(section: Section): 1 | 2 {
  for (const s of section.settings) {
    const k = s.key.toLowerCase();
    const v = s.value?.text.toLowerCase();
    if ((k === 'ikev2' && (v === 'no' || v === 'never')) || (k === 'keyexchange' && v === 'ikev1')) return 1;
  }
  return 2;
}

/**
 * Every value problem of a Libreswan file (both `invalid-value` and `invalid-algorithm`), computed once per
 * file version and shared by the two checks. Offsets from the validators map into the value's inner range.
 */
export function valueProblems(file: AnalyzedFile, snapshot: WorkspaceSnapshot): FileProblem[] {
  const version = snapshot.options.libreswanVersion;
  const hit = memo.get(file);
  if (hit && hit.version === version) return hit.problems;
  const problems: FileProblem[] = [];
  for (const { section, setting } of libreswanSettings(file)) {
    const m = findKeyword(setting.key, section.kind);
    if (!m || m.spec.status[version] === 'absent') continue;
    if (!setting.value) {
      // 4.10's grammar has no empty form for yes/no keywords: addconn stops with a syntax error (empty-value stays quiet).
      if (version === '4' && m.spec.type['4'] === 'bool') problems.push({ range: setting.range, severity: 'error', code: 'invalid-value', message: `\`${setting.key}=\` needs yes or no: Libreswan 4 rejects an empty yes/no keyword.` });
      continue;
    }
    const v = setting.value;
    if (m.spec.name === 'vti' && !v.text.includes('/')) continue; // reported by vti-without-prefix
    const type = m.spec.type[version] as ValueType;
    const ikeVersion = type === 'algorithms' ? ikeVersionOf(section) : 2;
    const key = `${version}|${ikeVersion}|${section.kind}|${setting.key}|${type}|${v.text}`;
    let issues = issueMemo.get(key);
    if (!issues) {
      issues =
        type === 'algorithms'
          ? validateAlgorithms(m.spec.name === 'ike' ? 'ike' : m.spec.name === 'ah' ? 'ah' : 'esp', v.text, { version, ikeVersion, keyword: setting.key })
          : validateValue({ keyword: m.spec.name, type, allowed: m.spec.values[version], text: v.text, version });
      if (issueMemo.size >= 50_000) issueMemo.clear();
      issueMemo.set(key, issues);
    }
    for (const i of issues) {
      const line = v.innerRange.start.line;
      const base = v.innerRange.start.character;
      // An empty issue is widened to one character so editors show it, but never past the value's end
      // (`mark-in=/`: the empty mask sits at the end of the line).
      const valueEnd = v.innerRange.end.line === line ? v.innerRange.end.character : base + v.text.length;
      const start = Math.min(base + i.start, valueEnd);
      const range: Range = { start: { line, character: start }, end: { line, character: Math.max(start, Math.min(base + Math.max(i.end, i.start + 1), valueEnd)) } };
      problems.push({ range, severity: i.severity ?? 'error', code: i.code, message: i.message });
    }
  }
  memo.set(file, { version, problems });
  return problems;
}
