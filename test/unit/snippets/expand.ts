// Expands a VS Code snippet body the way accepting every default would: `${1:x}` -> x, `${1|a,b|}` -> a,
// `$1`/`${1}` -> the default given to tabstop 1 elsewhere (mirrors), `$0` -> "", `\$` -> `$`.

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: Node[] | undefined; choice: string | undefined }
  | { kind: 'variable'; name: string; children: Node[] | undefined };

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(until?: string): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (until && c === until) break;
      if (c === '\\' && this.pos + 1 < this.src.length && '$}\\,|'.includes(this.src[this.pos + 1])) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
        } else {
          text += '$';
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  private dollar(): Node | undefined {
    const rest = this.src.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]), children: undefined, choice: undefined };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'variable', name: m[1], children: undefined };
    }
    m = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const first = m[2].split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
      return { kind: 'tabstop', index: Number(m[1]), children: undefined, choice: first };
    }
    m = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)(:|\})/.exec(rest);
    if (!m) return undefined;
    this.pos += m[0].length;
    let children: Node[] | undefined;
    if (m[2] === ':') {
      children = this.parse('}');
      if (this.src[this.pos] !== '}') throw new Error(`unterminated placeholder in: ${this.src}`);
      this.pos++;
    }
    return /^\d+$/.test(m[1])
      ? { kind: 'tabstop', index: Number(m[1]), children, choice: undefined }
      : { kind: 'variable', name: m[1], children };
  }
}

function collectDefaults(nodes: Node[], defaults: Map<number, Node[] | string>): void {
  for (const n of nodes) {
    if (n.kind === 'text') continue;
    if (n.kind === 'tabstop' && !defaults.has(n.index)) {
      if (n.choice !== undefined) defaults.set(n.index, n.choice);
      else if (n.children) defaults.set(n.index, n.children);
    }
    if (n.children) collectDefaults(n.children, defaults);
  }
}

function render(nodes: Node[], defaults: Map<number, Node[] | string>, depth = 0): string {
  if (depth > 20) throw new Error('snippet placeholders nest too deep');
  return nodes
    .map((n) => {
      if (n.kind === 'text') return n.value;
      if (n.kind === 'variable') return n.children ? render(n.children, defaults, depth + 1) : '';
      if (n.choice !== undefined) return n.choice;
      if (n.children) return render(n.children, defaults, depth + 1);
      const d = defaults.get(n.index);
      return d === undefined ? '' : typeof d === 'string' ? d : render(d, defaults, depth + 1);
    })
    .join('');
}

/** Expands a snippet body (string or lines) to the text VS Code inserts when every default is kept. */
export function expandSnippet(body: string | string[]): string {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const nodes = new Parser(src).parse();
  const defaults = new Map<number, Node[] | string>();
  collectDefaults(nodes, defaults);
  return render(nodes, defaults);
}
