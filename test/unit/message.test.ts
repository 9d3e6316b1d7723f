import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_MESSAGE_LENGTH, boundMessage, escapeControls } from '../../server/src/core/message';

test('boundMessage leaves short messages alone and never splits a surrogate pair', () => {
  assert.equal(boundMessage('short'), 'short');
  const exact = 'x'.repeat(MAX_MESSAGE_LENGTH);
  assert.equal(boundMessage(exact), exact);
  const astral = 'x'.repeat(MAX_MESSAGE_LENGTH - 1) + '𝔸' + 'y'.repeat(10);
  const cut = boundMessage(astral);
  assert.ok(cut.startsWith('x'.repeat(MAX_MESSAGE_LENGTH - 1) + '…'), 'the pair is dropped whole');
  assert.match(cut, /message cut: 2,011 characters/);
});

test('escapeControls makes C0, DEL, C1 and bidi controls visible and keeps tabs and ordinary text', () => {
  assert.equal(escapeControls('a\tb'), 'a\tb');
  assert.equal(escapeControls('\x1b[31mred\x07\n\r\x7f\x85'), '\\x1b[31mred\\x07\\x0a\\x0d\\x7f\\x85');
  assert.equal(escapeControls('abc\u202edef\u2066'), 'abc\\u{202e}def\\u{2066}');
  assert.equal(escapeControls('日本語 ü 𝔸'), '日本語 ü 𝔸');
});
