/**
 * Binds the argument words of a command to the catalogue parameters (greedy, left to right, skipping optional
 * parameters a word does not fit) and records what is wrong with them. Used by validation, hover and completion.
 */
import type { FileProblem } from '../../core/types';
import { lineRange } from '../../core/types';
import type { YamahaCommand, YamahaToken } from './ast';
import { type CatalogCommand, type CatalogParam, closest, commandByName, trieNodeFor } from './catalog';
import { bindIpRoute } from './iproute';
import { describeParam, fitValue } from './values';

/** What one argument word was bound to. `param` is undefined for a keyword of a custom form or an extra word. */
export interface ArgBinding {
  token: YamahaToken;
  param?: CatalogParam;
  /** A fixed keyword inside the arguments (`gateway`, `tunnel`, `hide`, `rekey`...). */
  keyword?: string;
  /** For custom forms: what the word means (`tunnel number`, `gateway address`...). */
  role?: string;
}

/** The binding of a whole command plus the problems found while binding (codes rtx-syntax / rtx-invalid-value). */
export interface CommandBinding {
  spec?: CatalogCommand;
  args: ArgBinding[];
  problems: FileProblem[];
}

const memo = new WeakMap<YamahaCommand, CommandBinding>();

/** Binds (memoized per command object) the arguments of `cmd`. Never throws. */
export function bindCommand(cmd: YamahaCommand): CommandBinding {
  let b = memo.get(cmd);
  if (!b) { b = computeBinding(cmd); memo.set(cmd, b); }
  return b;
}

function problem(t: { line: number; start: number; end: number }, code: string, message: string): FileProblem {
  return { range: lineRange(t.line, t.start, t.end), severity: 'error', code, message };
}

function computeBinding(cmd: YamahaCommand): CommandBinding {
  const spec = cmd.name ? commandByName(cmd.name) : undefined;
  if (!spec) return { args: [], problems: [] };
  if (spec.custom === 'ip-route') return { spec, ...bindIpRoute(cmd) };
  const strict = spec.validated && !cmd.negated;
  const problems: FileProblem[] = [];
  const args: ArgBinding[] = [];
  const pos = spec.params.filter((p) => p.type !== 'key=value');
  const kv = new Map(spec.params.filter((p) => p.type === 'key=value').map((p) => [p.name, p] as const));
  const assigned = new Set<CatalogParam>();
  let pi = 0;
  const toks = cmd.args;
  for (let ti = 0; ti < toks.length; ti++) {
    const tok = toks[ti];
    if (tok.key !== undefined && !tok.quoted && kv.size > 0) {
      const p = kv.get(tok.key.toLowerCase());
      if (p) {
        args.push({ token: tok, param: p });
        const f = fitValue(p, tok.kv ?? '');
        if (f.kind !== 'ok' && (strict || f.kind === 'bad')) {
          const msg = f.kind === 'bad' ? `${f.message[0].toUpperCase()}${f.message.slice(1)}.` : `'${tok.kv}' is not valid for ${p.name}= (expected ${describeParam(p)}).`;
          problems.push(problem({ line: tok.line, start: tok.kvStart ?? tok.start, end: tok.end }, 'rtx-invalid-value', msg));
        }
        continue;
      }
      if (strict && !spec.freeTail) {
        const sug = closest(tok.key.toLowerCase(), kv.keys());
        problems.push(problem({ line: tok.line, start: tok.start, end: tok.start + tok.key.length }, 'rtx-syntax',
          `Unknown option '${tok.key}=' for ${spec.name}${sug ? ` (did you mean '${sug}='?)` : ''}.`));
        args.push({ token: tok });
        continue;
      }
    }
    let firstSkipped = -1;
    let bound = false;
    while (pi < pos.length) {
      const p = pos[pi];
      if (p.keyword) {
        if (tok.value.toLowerCase() === p.keyword) {
          args.push({ token: tok, keyword: p.keyword });
          const next = toks[ti + 1];
          if (next) {
            ti++;
            args.push({ token: next, param: p });
            if (strict && !/^(7\d|8\d|90)%$|^off$/i.test(next.value)) {
              problems.push(problem(next, 'rtx-invalid-value', `'${next.value}' is not valid after ${p.keyword} (70%..90% or off).`));
            }
          } else if (strict) {
            problems.push(problem(tok, 'rtx-syntax', `A value must follow '${p.keyword}'.`));
          }
          pi++;
          bound = true;
          break;
        }
        pi++;
        continue;
      }
      const f = fitValue(p, tok.value);
      if (f.kind !== 'no') {
        args.push({ token: tok, param: p });
        assigned.add(p);
        if (f.kind === 'bad' && (strict || !spec.validated)) problems.push(problem(tok, 'rtx-invalid-value', badMessage(p, tok, f.message)));
        if (!p.repeat) pi++;
        bound = true;
        break;
      }
      if (p.optional || (p.repeat && assigned.has(p))) {
        if (firstSkipped < 0) firstSkipped = pi;
        pi++;
        continue;
      }
      // A required parameter the word does not fit.
      args.push({ token: tok, param: p });
      assigned.add(p);
      if (strict) {
        const w = wrongWord(cmd, spec, p, tok, ti);
        problems.push(w);
        if (w.code === 'rtx-syntax') return { spec, args, problems };
      }
      else if (p.type === 'on-off') problems.push(problem(tok, 'rtx-invalid-value', notValid(p, tok)));
      pi++;
      bound = true;
      break;
    }
    if (bound) continue;
    if (!strict) { if (!spec.validated) break; continue; }
    if (firstSkipped >= 0 && !spec.freeTail) {
      const p = pos[firstSkipped];
      args.push({ token: tok, param: p });
      assigned.add(p);
      const w = wrongWord(cmd, spec, p, tok, ti);
      problems.push(w);
      if (w.code === 'rtx-syntax') return { spec, args, problems };
      pi = firstSkipped + 1;
      continue;
    }
    if (!spec.freeTail) {
      const secret = spec.params.some((q) => q.secret);
      problems.push(problem(tok, 'rtx-syntax', secret
        ? `Unexpected extra argument for ${spec.name}.`
        : `Unexpected extra argument '${tok.value}' for ${spec.name} (syntax: ${spec.syntax}).`));
    }
    args.push({ token: tok });
  }
  if (strict) {
    for (const p of pos) {
      if (!p.optional && !p.keyword && !assigned.has(p)) {
        const last = cmd.tokens[cmd.tokens.length - 1];
        problems.push(problem({ line: cmd.line, start: cmd.range.start.character, end: last.end }, 'rtx-syntax',
          `Missing ${p.name} (${describeParam(p)}): syntax is ${spec.syntax}.`));
        break;
      }
    }
  }
  return { spec, args, problems };
}

function notValid(p: CatalogParam, tok: YamahaToken): string {
  if (p.secret) return `Invalid ${p.name}.`;
  const sug = p.values ? closest(tok.value.toLowerCase(), p.values) : undefined;
  return `'${tok.value}' is not a valid ${p.name}: expected ${describeParam(p)}${sug ? ` (did you mean '${sug}'?)` : ''}.`;
}

function badMessage(p: CatalogParam, tok: YamahaToken, msg: string): string {
  if (p.secret) return `Invalid ${p.name}.`;
  const m = `${msg[0].toUpperCase()}${msg.slice(1)}`;
  return msg.includes(p.name) ? `${m}.` : `${m} (${p.name}).`;
}

/** A word that fits no parameter: a misspelt sub-keyword (rtx-syntax) when it is close to one, else a bad value. */
function wrongWord(cmd: YamahaCommand, spec: CatalogCommand, p: CatalogParam, tok: YamahaToken, ti: number): FileProblem {
  if (ti === 0 && !/^\d/.test(tok.value)) {
    const node = trieNodeFor(spec.words);
    if (node && node.children.size > 0) {
      const sug = closest(tok.value.toLowerCase(), node.children.keys());
      if (sug) {
        return problem(tok, 'rtx-syntax', `Unknown sub-keyword '${tok.value}' after '${spec.name}' (did you mean '${sug}'?).`);
      }
    }
  }
  void cmd;
  return problem(tok, 'rtx-invalid-value', notValid(p, tok));
}
