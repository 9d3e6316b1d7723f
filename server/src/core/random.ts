/**
 * `n` bytes from Node's CSPRNG (`crypto.randomBytes`). `node:crypto` is required on the first call, not
 * when the bundle loads: loading it costs every `vpnconf check` run start-up time (~10 ms of CPU on the
 * bench machine), and only quick fixes and the scaffold ever draw random bytes.
 */
export function randomBytes(n: number): Buffer {
  return (require('node:crypto') as typeof import('node:crypto')).randomBytes(n);
}
