/**
 * Preload (`node --require out/test/support/no-network.js ...`) that makes every outbound network attempt
 * fail loudly: TCP/IPC connects other than to a local pipe, UDP sockets, DNS look-ups, HTTP(S) requests and
 * fetch. Each attempt is written to stderr as `VPNCONF-NETWORK-ATTEMPT <what>` so a test can assert there
 * were none. The LSP stdio transport uses no sockets, so a clean run prints nothing.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import net = require('node:net');
import dgram = require('node:dgram');
import dns = require('node:dns');
import http = require('node:http');
import https = require('node:https');

const report = (what: string): never => {
  process.stderr.write(`VPNCONF-NETWORK-ATTEMPT ${what}\n`);
  throw new Error(`network access blocked in tests: ${what}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { path?: string } | string | number | undefined;
  const isPipe = typeof first === 'string' || (typeof first === 'object' && first !== null && typeof first.path === 'string');
  if (!isPipe) report(`net connect ${JSON.stringify(first)}`);
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof connect;
dgram.createSocket = ((..._a: unknown[]) => report('dgram.createSocket')) as typeof dgram.createSocket;
dns.lookup = ((host: string) => report(`dns.lookup ${host}`)) as unknown as typeof dns.lookup;
dns.resolve = ((host: string) => report(`dns.resolve ${host}`)) as unknown as typeof dns.resolve;
http.request = ((..._a: unknown[]) => report('http.request')) as typeof http.request;
http.get = ((..._a: unknown[]) => report('http.get')) as typeof http.get;
https.request = ((..._a: unknown[]) => report('https.request')) as typeof https.request;
https.get = ((..._a: unknown[]) => report('https.get')) as typeof https.get;
(globalThis as { fetch?: unknown }).fetch = (url: unknown) => report(`fetch ${String(url)}`);
