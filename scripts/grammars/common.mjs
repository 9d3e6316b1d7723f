// Rule builders shared by the four grammars (see generate.mjs).
export const R = String.raw;
export const IPV4 = R`(?<![\w.:])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?:/\d{1,2})?(?![\w.:])`;
export const IPV6 = R`(?<![\w.:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:/\d{1,3})?(?![\w.:])`;
export function ip(lang) {
  return {
    patterns: [
      { name: `constant.numeric.ip-address.ipv4.${lang}`, match: IPV4 },
      { name: `constant.numeric.ip-address.ipv6.${lang}`, match: IPV6 },
    ],
  };
}
export function quoted(lang) {
  return {
    name: `string.quoted.double.${lang}`,
    begin: '"', end: R`"|$`,
    beginCaptures: { 0: { name: `punctuation.definition.string.begin.${lang}` } },
    endCaptures: { 0: { name: `punctuation.definition.string.end.${lang}` } },
    patterns: [{ name: `constant.character.escape.${lang}`, match: R`\\.` }],
  };
}
export function comment(lang, leaders, anchored) {
  return {
    patterns: leaders.map((c) => ({
      name: `comment.line.${c === '!' ? 'exclamation' : 'number-sign'}.${lang}`,
      match: (anchored ? R`^\s*` : '') + `(${c === '!' ? '!' : '#'}).*$`,
      captures: { 1: { name: `punctuation.definition.comment.${lang}` } },
    })),
  };
}
/** PSK and passwords: a meta scope only, so no theme colours them like strings or constants. */
export function secret(lang) {
  return `meta.secret-value.${lang}`;
}
