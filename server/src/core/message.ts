/**
 * Limits on what a diagnostic message may carry to a terminal or an editor. Messages quote source text
 * (a misspelt keyword, an unknown command), and source text can be megabytes long or hold control
 * characters; neither should reach a CI log or the Problems panel as is.
 */

/** Longest message printed or published, in UTF-16 code units (the rest is cut, with a marker). */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * `message` cut to `MAX_MESSAGE_LENGTH` UTF-16 code units plus a marker saying how long it was; never
 * splits a surrogate pair. Shorter messages are returned unchanged. Apply after redacting secrets, so a
 * cut can never leave part of a secret unrecognised.
 */
export function boundMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  let end = MAX_MESSAGE_LENGTH;
  const last = message.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${message.slice(0, end)}… (message cut: ${message.length.toLocaleString('en')} characters)`;
}

/**
 * Control characters (C0 except tab, DEL, C1) and bidirectional-override characters (U+202A-U+202E,
 * U+2066-U+2069) written as visible `\xNN` / `\u{NNNN}` escapes, so that text quoted from a config file
 * cannot move the cursor, recolour, retitle or reorder a terminal or CI log (ECMA-48 escape sequences,
 * "Trojan Source" CVE-2021-42574). For plain-text output only: JSON and SARIF escape on their own.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}
