/**
 * A raw LSP client for tests: spawns `dist/server.js --stdio` (with the no-network preload), frames JSON-RPC
 * messages by hand (so it can also send garbage), answers the server's own requests (configuration,
 * capability registration) and records every notification, log message and stderr line.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

/** A JSON-RPC message as received. */
export interface RpcMessage {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** The repository root above out/test/server/. */
export const ROOT = join(__dirname, '..', '..', '..');

/** One running server and its recorded traffic. */
export class LspProcess {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly notifications: RpcMessage[] = [];
  readonly serverRequests: RpcMessage[] = [];
  stderr = '';
  exitCode: number | null = null;
  private buffer = Buffer.alloc(0);
  private nextId = 1000;
  private readonly pending = new Map<number | string, (m: RpcMessage) => void>();
  private readonly waiters: Array<{ test: (m: RpcMessage) => boolean; resolve: (m: RpcMessage) => void }> = [];
  readonly exited: Promise<number | null>;

  constructor(config: unknown = {}) {
    this.proc = spawn(process.execPath, ['--require', join(ROOT, 'out', 'test', 'support', 'no-network.js'), join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => { this.exitCode = code; resolve(code); }));
    this.config = config;
  }

  private readonly config: unknown;

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const head = this.buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, head).toString('ascii'));
      if (!m) throw new Error(`bad header from server: ${this.buffer.subarray(0, head).toString()}`);
      const len = Number(m[1]);
      if (this.buffer.length < head + 4 + len) return;
      const body = this.buffer.subarray(head + 4, head + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(head + 4 + len);
      this.dispatch(JSON.parse(body) as RpcMessage);
    }
  }

  private dispatch(msg: RpcMessage): void {
    if (msg.method !== undefined && msg.id !== undefined) {
      this.serverRequests.push(msg);
      // Answer the server's requests: configuration gets our settings, everything else null.
      const result = msg.method === 'workspace/configuration' ? ((msg.params as { items?: unknown[] }).items ?? []).map(() => this.config) : null;
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    if (msg.method !== undefined) this.notifications.push(msg);
    else if (msg.id !== undefined && msg.id !== null && this.pending.has(msg.id)) {
      this.pending.get(msg.id)!(msg);
      this.pending.delete(msg.id);
    }
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].test(msg)) { this.waiters[i].resolve(msg); this.waiters.splice(i, 1); }
    }
  }

  /** Writes raw bytes to the server's stdin. */
  sendRaw(bytes: string | Buffer): void {
    this.proc.stdin.write(bytes);
  }

  /** Sends one framed message. */
  send(msg: object): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.sendRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a notification. */
  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Sends a request and resolves with the whole response (result or error); rejects after `ms`. */
  request(method: string, params?: unknown, ms = 30_000, id: number = this.nextId++): Promise<RpcMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${ms} ms; stderr: ${this.stderr.slice(-2000)}`)), ms);
      this.pending.set(id, (m) => { clearTimeout(timer); resolve(m); });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Resolves with the first future message for which `test` holds; rejects after `ms`. */
  waitFor(test: (m: RpcMessage) => boolean, ms = 30_000, what = 'message'): Promise<RpcMessage> {
    const seen = this.notifications.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
      this.waiters.push({ test, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  /** Latest diagnostics published for a URI (undefined if none yet). */
  diagnostics(uri: string): Array<{ code?: string; message: string; range: unknown; relatedInformation?: Array<{ message: string }> }> | undefined {
    for (let i = this.notifications.length - 1; i >= 0; i--) {
      const n = this.notifications[i];
      if (n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri) return (n.params as { diagnostics: [] }).diagnostics;
    }
    return undefined;
  }

  /** Every text the server sent that a user could see: log/show messages and diagnostics (messages + related). */
  visibleText(): string {
    return this.notifications.map((n) => JSON.stringify(n.params)).join('\n') + this.stderr;
  }

  /** Kills the process if it is still running. */
  kill(): void {
    if (this.exitCode === null) this.proc.kill();
  }
}
