import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskSecrets } from '../../../client/src/mask';

test('trace masking: secrets in raw and JSON-escaped document text are replaced', () => {
  const doc = [
    '@west @east : PSK "LsQuoted_1"',
    '@a : XAUTH LsBare_2',
    ': PPKS "ppk-id" "LsPpk_3"',
    '@b :',
    '    PSK "LsCont_4"',
    'ipsec ike pre-shared-key 1 text RtxKey_5',
    'ipsec ike pre-shared-key 2 0xRtxHex_6',
    'bgp neighbor pre-shared-key 1 text RtxBgp_7',
    'ipsec ike xauth myname 1 user RtxXauth_8',
    ' neighbor 169.254.10.1 password FrrPw_9',
    'password 8 FrrVty_10',
    '  key-string FrrKey_11',
    ' ip ospf message-digest-key 1 md5 FrrMd5_12',
  ].join('\n');
  const secrets = ['LsQuoted_1', 'LsBare_2', 'LsPpk_3', 'LsCont_4', 'RtxKey_5', 'RtxHex_6', 'RtxBgp_7', 'RtxXauth_8', 'FrrPw_9', 'FrrVty_10', 'FrrKey_11', 'FrrMd5_12'];
  const trace = `[Trace - 10:00:00] Sending notification 'textDocument/didOpen'.\nParams: ${JSON.stringify({ textDocument: { text: doc } }, null, 4)}`;
  for (const text of [doc, trace, doc.replace(/\n/g, '\r\n')]) {
    const masked = maskSecrets(text);
    for (const s of secrets) assert.ok(!masked.includes(s), `${s} masked in ${masked}`);
  }
  // The rest of the text stays readable.
  const masked = maskSecrets(doc);
  assert.match(masked, /@west @east : PSK \*\*\*\*/);
  assert.match(masked, /neighbor 169\.254\.10\.1 password \*\*\*\*/);
  assert.match(masked, /ipsec ike pre-shared-key 1 text \*\*\*\*/);
  assert.equal(maskSecrets('conn aws\n\tauthby=secret\n'), 'conn aws\n\tauthby=secret\n');
});
