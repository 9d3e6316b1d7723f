/**
 * Adds the `peers` of a generated vpnconf.json text to an existing one: earlier peers and every other key
 * (`hosts`) are kept, a generated peer address overrides the same address. Returns `existing` unchanged when
 * either text is not a JSON object (a malformed vpnconf.json is the user's to fix; `vpnconf check` reports it).
 */
export function mergePeersFile(existing: string, generated: string): string {
  try {
    const old = JSON.parse(existing) as unknown;
    if (!old || typeof old !== 'object' || Array.isArray(old)) return existing;
    const add = (JSON.parse(generated) as { peers: Record<string, string> }).peers;
    const record = old as Record<string, unknown>;
    record.peers = { ...((record.peers as Record<string, string> | undefined) ?? {}), ...add };
    return JSON.stringify(record, null, 2) + '\n';
  } catch {
    return existing;
  }
}
