/**
 * FRR configuration parser. Reads a file the way `vtysh -C -f` (FRR 8.4.4) does: start in CONFIG_NODE;
 * skip blank and `!`/`#` lines and `end`; match each line in the current node, and when nothing matches
 * there, in its parent nodes (lib/command.c `command_config_read_one_line`: climbing stops at an
 * incomplete or ambiguous result); a match in a parent moves there; enter/exit commands change node; a
 * top-level `exit` leaves configuration mode (later lines are rejected; a second `exit` stops reading).
 * Indentation is not significant. Never throws; linear in the input.
 */
import type { FileProblem } from '../../core/types';
import { splitLines } from '../../core/text';
import type { ParseResult } from '../types';
import type { FrrBlock, FrrFile, FrrLine } from './ast';
import { isCommentOrBlank, lexLine } from './lexer';
import { enteredNode, exitTarget, matchInNode, matchInNodeQuick, parentOf, type NodeMatch } from './table';
import { syntaxProblem } from './syntax-problems';

const MAX_WORDS = 64;

/** Parses an FRR configuration (bgpd.conf, frr.conf, staticd.conf, zebra.conf). Never throws. */
export function parseFrr(text: string): ParseResult<FrrFile> {
  const physical = splitLines(text);
  const lines: FrrLine[] = [];
  const problems: FileProblem[] = [];
  const blocks: FrrBlock[] = [];
  const stack: FrrBlock[] = [];
  let node = 'CONFIG_NODE';
  let mode: 'config' | 'enable' | 'stopped' = 'config';
  let exitLine = -1;
  let lastCmdLine = 0;

  const closeTo = (n: string, endLine: number): void => {
    while (stack.length > 0 && stack[stack.length - 1].node !== n) {
      const b = stack.pop()!;
      b.endLine = Math.max(b.startLine, endLine);
    }
  };

  for (let ln = 0; ln < physical.length; ln++) {
    const src = physical[ln];
    if (isCommentOrBlank(src)) continue;
    const words = lexLine(src);
    if (words.length === 0) continue;
    const texts = words.map((w) => w.text);
    const entry: FrrLine = { line: ln, words, context: node, after: node, status: 'ok' };
    lines.push(entry);
    if (texts.length === 1 && texts[0] === 'end') {
      entry.status = 'end';
      continue;
    }
    if (mode === 'stopped') {
      entry.status = 'ignored';
      continue;
    }
    if (mode === 'enable') {
      if (texts.length === 1 && /^(exit|quit)$/.test(texts[0])) mode = 'stopped';
      else if (/^conf(i(g(u(r(e)?)?)?)?)?$/.test(texts[0]) && texts.length <= 2) mode = 'config';
      else {
        entry.status = 'not-config';
        problems.push(syntaxProblem(entry, { status: 'not-config', exitLine }));
      }
      continue;
    }
    if (texts.length > MAX_WORDS) {
      entry.status = 'unknown';
      entry.badWord = MAX_WORDS;
      problems.push(syntaxProblem(entry, { status: 'unknown', reach: MAX_WORDS, expect: [] }));
      continue;
    }
    // Try the current node, then climb.
    let at: string | null = node;
    let result: NodeMatch = { status: 'unknown', reach: 0, expect: [] };
    let bestUnknown: NodeMatch & { status: 'unknown' } = { status: 'unknown', reach: -1, expect: [] };
    let firstNode = node;
    const missed: string[] = [];
    while (at) {
      const quick = matchInNodeQuick(at, texts);
      if (quick) {
        result = quick;
        break;
      }
      missed.push(at);
      at = parentOf(at);
    }
    // no node took the line: only now compute each node's reach/expect (full scans), in climb order
    if (!at) {
      for (const n of missed) {
        result = matchInNode(n, texts);
        if (result.status === 'unknown' && result.reach > bestUnknown.reach) bestUnknown = result;
      }
    }
    if (result.status === 'ok' && at) {
      const cmd = result.def.cmd;
      entry.node = at;
      entry.cmd = cmd;
      entry.daemon = result.def.daemon;
      entry.leaves = result.trail.map((t) => t.leaf.text);
      entry.norm = result.trail.map((t, i) => (t.leaf.k === 'kw' ? t.leaf.text : texts[i]));
      closeTo(at, lastCmdLine);
      lastCmdLine = ln;
      const entered = enteredNode(at, cmd);
      if (at === 'CONFIG_NODE' && (cmd === 'exit' || cmd === 'quit')) {
        mode = 'enable';
        exitLine = ln;
      } else if (entered) {
        node = entered;
        const b: FrrBlock = { node: entered, header: lines.length - 1, startLine: ln, endLine: ln, children: [] };
        (stack.length > 0 ? stack[stack.length - 1].children : blocks).push(b);
        stack.push(b);
      } else {
        const target = exitTarget(at, cmd);
        if (target !== undefined) {
          closeTo(target, ln);
          node = target;
        } else node = at;
      }
      entry.after = node;
      continue;
    }
    if (result.status === 'unknown') result = bestUnknown;
    entry.status = result.status === 'ok' ? 'unknown' : result.status;
    if (result.status === 'unknown') entry.badWord = Math.min(result.reach, words.length - 1);
    problems.push(syntaxProblem(entry, result.status === 'ok' ? bestUnknown : result));
    firstNode = node;
    entry.after = firstNode;
  }
  closeTo('CONFIG_NODE', lastCmdLine);
  while (stack.length > 0) stack.pop()!.endLine = lastCmdLine;
  return { ast: { kind: 'frr', lines, blocks, lineCount: physical.length }, problems };
}
