/**
 * Command-level validation of a parsed Yamaha file against the catalogue: unknown commands (information),
 * misspelt sub-keywords of the validated families, argument arity/types/ranges/enums, and the selection a
 * command needs (tunnel / pp). Codes: rtx-unknown-command, rtx-syntax, rtx-invalid-value, rtx-wrong-context.
 */
import type { FileProblem } from '../../core/types';
import { lineRange } from '../../core/types';
import type { YamahaCommand, YamahaFile } from './ast';
import { bindCommand } from './bind';
import { closest, commandByName, matchCommand, TRIE } from './catalog';
import { pushAll } from '../../core/arrays';

/** First words of the families validated strictly (a misspelt sub-keyword there is an error). */
const STRICT_FIRST = new Set(['ipsec', 'tunnel', 'bgp']);

const memo = new WeakMap<YamahaFile, FileProblem[]>();

/** All command-level problems of a file (memoized per AST object). Never throws. */
export function validateYamaha(file: YamahaFile): FileProblem[] {
  let r = memo.get(file);
  if (!r) {
    r = [];
    for (const c of file.commands) pushAll(r, validateCommand(c));
    memo.set(file, r);
  }
  return r;
}

/** True when the words of an unmatched line belong to a family we validate strictly. */
function strictFamily(words: string[]): boolean {
  return STRICT_FIRST.has(words[0]) || (words[0] === 'ip' && words[1] === 'tunnel');
}

/** Problems of one command line. */
export function validateCommand(c: YamahaCommand): FileProblem[] {
  const out: FileProblem[] = [];
  const nameStart = c.negated ? 1 : 0;
  const words = c.tokens.slice(nameStart).map((t) => t.value.toLowerCase());
  if (!c.name) {
    const m = matchCommand(words);
    if (m.deepestWords >= 1 && strictFamily(words)) {
      const bad = c.tokens[nameStart + m.deepestWords];
      const node = m.deepest;
      if (!bad) {
        out.push({ range: c.range, severity: 'error', code: 'rtx-syntax',
          message: `Incomplete command '${node.path}': continue with one of ${[...node.children.keys()].slice(0, 12).join(', ')}.` });
      } else {
        const sug = closest(words[m.deepestWords], node.children.keys());
        out.push({ range: lineRange(c.line, bad.start, bad.end), severity: 'error', code: 'rtx-syntax',
          message: `Unknown sub-keyword '${bad.value}' after '${node.path}'${sug ? ` (did you mean '${sug}'?)` : ''}.` });
      }
      return out;
    }
    const first = c.tokens[nameStart];
    const sug = m.deepestWords === 0 ? closest(words[0], TRIE.children.keys()) : undefined;
    const shown = c.tokens.slice(nameStart, nameStart + Math.min(3, c.tokens.length)).map((t) => t.value).join(' ');
    out.push({ range: lineRange(c.line, first.start, c.tokens[c.tokens.length - 1].end), severity: 'information',
      code: 'rtx-unknown-command',
      message: `'${shown}' is not in vpnconf's catalog of Yamaha RTX commands; it is not checked${sug ? ` (did you mean '${sug}'?)` : ''}.` });
    return out;
  }
  const spec = commandByName(c.name);
  if (!spec) return out;
  const b = bindCommand(c);
  pushAll(out, b.problems);
  const nameRange = lineRange(c.line, c.tokens[0].start, (c.nameTokens[c.nameTokens.length - 1] ?? c.tokens[0]).end);
  if (spec.context === 'tunnel' && c.context.kind !== 'tunnel') {
    out.push({ range: nameRange, severity: 'error', code: 'rtx-wrong-context',
      message: `'${spec.name}' applies to a tunnel: write it after 'tunnel select N'${c.context.kind === 'pp' ? ' (a pp is selected here)' : ''}.` });
  } else if (spec.context === 'pp' && c.context.kind !== 'pp') {
    out.push({ range: nameRange, severity: 'error', code: 'rtx-wrong-context',
      message: `'${spec.name}' applies to a PP peer: write it after 'pp select N'.` });
  }
  return out;
}
