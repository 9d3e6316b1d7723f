// Masks secrets in protocol trace text (vpnconf.trace.server): the trace shows whole documents (didOpen,
// didChange), so the keys written in them would land in the output channel. Pure text patterns, applied to
// both raw and JSON-escaped text; no analysis. Kept free of `vscode` imports so node tests can load it.

/** What a secret value looks like after its keyword: a quoted string (raw or JSON-escaped) or a bare word. */
const VALUE = String.raw`(?:\\"(?:[^"\\]|\\[^"])*\\"|"[^"\r\n]*"|'[^'\r\n]*'|[^\s"'\\]+)`;

/** Keyword prefixes whose next value is a secret. */
const PATTERNS: RegExp[] = [
  // Libreswan secrets entries: `: PSK "..."`, XAUTH/EAP, and `PPKS "id" "secret"`.
  new RegExp(String.raw`(:\s*(?:PSK|XAUTH|EAP)\s+)${VALUE}`, 'g'),
  new RegExp(String.raw`(:\s*PPKS\s+${VALUE}\s+)${VALUE}`, 'g'),
  new RegExp(String.raw`(^|\\n|\n)(\s*)((?:PSK|XAUTH|EAP)\s+)${VALUE}`, 'g'),
  // Yamaha: `ipsec ike pre-shared-key G [text] KEY`, `bgp neighbor pre-shared-key N text KEY`, passwords.
  new RegExp(String.raw`(pre-shared-key\s+\d+\s+(?:text\s+)?)${VALUE}`, 'gi'),
  new RegExp(String.raw`((?:xauth|eap)\s+myname\s+\d+\s+\S+\s+)${VALUE}`, 'gi'),
  // FRR: `password [8] X`, `neighbor A password X`, `key-string X`, OSPF keys.
  new RegExp(String.raw`(password\s+(?:[078]\s+)?)${VALUE}`, 'g'),
  new RegExp(String.raw`((?:key-string|authentication-key)\s+)${VALUE}`, 'g'),
  new RegExp(String.raw`(md5\s+)${VALUE}`, 'g'),
];

/** Replaces every secret-looking value in `text` with `****`, keeping the keyword before it. */
export function maskSecrets(text: string): string {
  for (const re of PATTERNS) {
    text = text.replace(re, (...m: string[]) => {
      const groups = m.slice(1, -2).filter((g) => g !== undefined);
      return `${groups.join('')}****`;
    });
  }
  return text;
}
