import type { FileProblem } from '../../core/types';
import { lineRange } from '../../core/types';
import type { ParseResult } from '../types';
import type { YamahaBlock, YamahaCommand, YamahaContext, YamahaFile, YamahaHeader } from './ast';
import { HEADER_REGEX, commandByName, matchCommand } from './catalog';
import { lexLine } from './lexer';
import { pushAll } from '../../core/arrays';

const LOOSE_HEADER = /^#\s*(RTX\d+\w*|NVR\d+\w*|FWX\d+\w*|vRX\S*|RT\d+\w*|SRT\d+\w*)\s+Rev\.(\d+\.\d+\.\d+)/;

/** Splits decoded text into physical lines (CRLF, LF or CR), dropping a leading BOM. */
export function splitYamahaLines(text: string): string[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r\n|\r|\n/);
}

/**
 * Parses a Yamaha RTX command file (already decoded to text; see `decodeYamahaBytes`). One command per
 * line, `#` comment lines, an optional `show config` header, quoted words and `key=value` options; tracks the
 * `tunnel select` / `pp select` selection for every command. Commands are matched against the catalogue
 * (longest name); validation of their arguments is done separately (`validateYamaha`).
 * Problems returned here are lexical only (code `rtx-syntax`). Never throws; linear in the input size.
 */
export function parseYamaha(text: string): ParseResult<YamahaFile> {
  const problems: FileProblem[] = [];
  const lines = splitYamahaLines(text);
  const commands: YamahaCommand[] = [];
  const blocks: YamahaBlock[] = [];
  let header: YamahaHeader | undefined;
  let ctx: YamahaContext = { kind: 'global' };
  let open: YamahaBlock | undefined;

  for (let ln = 0; ln < lines.length; ln++) {
    const raw = lines[ln];
    const lx = lexLine(raw, ln);
    pushAll(problems, lx.problems);
    if (lx.comment) {
      if (ln < 2 && !header) {
        const m = HEADER_REGEX.exec(raw.trim()) ?? LOOSE_HEADER.exec(raw.trim());
        if (m) {
          const rev = m[3] !== undefined ? `${m[2]}.${m[3]}.${m[4]}` : m[2];
          header = { model: m[1], revision: rev, line: ln, range: lineRange(ln, 0, raw.length) };
        }
      }
      continue;
    }
    if (lx.tokens.length === 0) continue;
    const toks = lx.tokens;
    const negated = toks[0].value.toLowerCase() === 'no' && toks.length > 1;
    const nameStart = negated ? 1 : 0;
    const words = toks.slice(nameStart).map((t) => t.value.toLowerCase());
    const match = matchCommand(words);
    const nameLen = match.command ? match.nameWords : 0;
    const cmd: YamahaCommand = {
      line: ln,
      range: lineRange(ln, toks[0].start, toks[toks.length - 1].end),
      indent: lx.indent,
      tokens: toks,
      negated,
      name: match.command?.name,
      nameTokens: toks.slice(nameStart, nameStart + nameLen),
      args: toks.slice(nameStart + nameLen),
      context: ctx,
    };
    // Selection changes take effect for the following lines; the select line itself is global.
    if (!negated && (cmd.name === 'tunnel select' || cmd.name === 'pp select')) {
      cmd.context = { kind: 'global' };
      if (open) { closeBlock(open, commands, lines); open = undefined; }
      const arg = cmd.args[0]?.value.toLowerCase();
      const kind = cmd.name === 'tunnel select' ? 'tunnel' : 'pp';
      const num = arg !== undefined && /^\d{1,9}$/.test(arg) ? Number(arg) : undefined;
      if (num !== undefined || (kind === 'pp' && arg === 'anonymous')) {
        const id = num ?? 'anonymous';
        ctx = kind === 'tunnel' ? { kind, id: id as number, selectLine: ln } : { kind, id, selectLine: ln };
        open = { kind, id, selectLine: ln, endLine: ln, range: lineRange(ln, 0, raw.length) };
        blocks.push(open);
      } else {
        ctx = { kind: 'global' };
      }
    }
    commands.push(cmd);
  }
  if (open) closeBlock(open, commands, lines);
  return { ast: { kind: 'yamaha-rtx', header, commands, blocks, lineCount: lines.length }, problems };
}

/**
 * Decides where a select block ends for folding/symbols: the last command after the select line that is
 * indented, or not a plain global command (context tunnel/pp/any), before the first unindented global one.
 */
function closeBlock(block: YamahaBlock, commands: YamahaCommand[], lines: string[]): void {
  let end = block.selectLine;
  for (const c of commands) {
    if (c.line <= block.selectLine) continue;
    const spec = c.name ? contextOf(c.name) : undefined;
    const belongs = c.indent > 0 || (spec !== undefined && spec !== 'global');
    if (!belongs) break;
    end = c.line;
  }
  block.endLine = end;
  block.range = { start: { line: block.selectLine, character: 0 }, end: { line: end, character: lines[end]?.length ?? 0 } };
}

function contextOf(name: string): string | undefined {
  return commandByName(name)?.context;
}
