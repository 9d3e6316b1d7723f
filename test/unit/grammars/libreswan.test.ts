// Grammar tests for Libreswan ipsec.conf and secrets files, run through the real TextMate engine.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Token, expectQuietSecret, expectScope, hasScope, scopesOf, tokenize, tokenizeFixture } from './textmate';

describe('libreswan grammar', () => {
  let lines: Token[][];
  before(async () => {
    lines = await tokenizeFixture('libreswan', 'ipsec.conf');
  });
  it('scopes comments, including trailing ones', () => {
    expectScope(lines, 0, '# Libreswan fixture for the grammar tests', 'comment.line.number-sign.libreswan', false);
    expectScope(lines, 11, '# first tunnel', 'comment.line.number-sign.libreswan', false);
  });
  it('scopes section headers', () => {
    expectScope(lines, 2, 'config', 'storage.type.section.libreswan');
    expectScope(lines, 2, 'setup', 'entity.name.section.libreswan');
    expectScope(lines, 11, 'conn', 'storage.type.section.libreswan');
    expectScope(lines, 11, 'aws-t1', 'entity.name.section.libreswan');
    expectScope(lines, 8, '%default', 'entity.name.section.libreswan');
  });
  it('scopes version and include', () => {
    expectScope(lines, 1, 'version', 'keyword.other.version.libreswan');
    expectScope(lines, 6, 'include', 'keyword.control.import.libreswan');
    expectScope(lines, 6, '/etc/ipsec.d/*.conf', 'string.unquoted.path.libreswan');
  });
  it('scopes keywords and the = sign', () => {
    expectScope(lines, 12, 'left', 'keyword.other.definition.libreswan');
    expectScope(lines, 12, '=', 'keyword.operator.assignment.libreswan');
    expectScope(lines, 24, 'vti-interface', 'keyword.other.definition.libreswan');
  });
  it('scopes %magic values, IPs, CIDRs and IPv6', () => {
    expectScope(lines, 12, '%defaultroute', 'constant.language.magic.libreswan');
    expectScope(lines, 13, '203.0.113.10', 'constant.numeric.ip-address.ipv4.libreswan');
    expectScope(lines, 20, '0.0.0.0/0', 'constant.numeric.ip-address.ipv4.libreswan');
    expectScope(lines, 21, '2001:db8::/32', 'constant.numeric.ip-address.ipv6.libreswan');
    expectScope(lines, 23, '169.254.10.2/30', 'constant.numeric.ip-address.ipv4.libreswan');
  });
  it('scopes numbers, booleans, ids and plain values', () => {
    expectScope(lines, 9, '8h', 'constant.numeric.libreswan');
    expectScope(lines, 22, '5', 'constant.numeric.libreswan');
    expectScope(lines, 22, '0xffffffff', 'constant.numeric.libreswan');
    expectScope(lines, 4, 'yes', 'constant.language.boolean.libreswan');
    expectScope(lines, 15, '@aws.example', 'string.unquoted.id.libreswan');
    expectScope(lines, 16, 'secret', 'string.unquoted.value.libreswan');
    // algorithm names are values, their digits are not separate numbers
    expectScope(lines, 18, 'aes256-sha2_256', 'string.unquoted.value.libreswan');
    expectScope(lines, 18, 'dh14', 'string.unquoted.value.libreswan');
  });
  it('scopes quoted strings', () => {
    expectScope(lines, 25, '"/usr/libexec/ipsec/_updown --route yes"', 'string.quoted.double.libreswan', false);
    const inner = scopesOf(lines, 25, 'yes"', false);
    assert.ok(!hasScope(inner, 'constant.language.boolean'), 'no boolean inside a string');
  });
  it('scopes braces of leftsubnets={...} without hiding the CIDRs', async () => {
    const l = await tokenize('libreswan', 'conn x\n    leftsubnets={10.0.0.0/24 10.1.0.0/24}');
    expectScope(l, 1, '{', 'punctuation.section.braces.libreswan');
    expectScope(l, 1, '10.0.0.0/24', 'constant.numeric.ip-address.ipv4.libreswan');
    expectScope(l, 1, '10.1.0.0/24', 'constant.numeric.ip-address.ipv4.libreswan');
  });
  it('does not treat a # inside a quoted value as a comment', async () => {
    const l = await tokenize('libreswan', 'conn x\n    leftupdown="a #b"');
    expectScope(l, 1, '#b', 'string.quoted.double.libreswan', false);
  });
});

describe('libreswan-secrets grammar', () => {
  let lines: Token[][];
  before(async () => {
    lines = await tokenizeFixture('libreswan-secrets', 'ipsec.secrets');
  });
  it('scopes comments', () => {
    expectScope(lines, 0, '# PSKs for both tunnels', 'comment.line.number-sign.libreswan-secrets', false);
    expectScope(lines, 3, '# trailing comment', 'comment.line.number-sign.libreswan-secrets', false);
  });
  it('scopes selectors and the secret type', () => {
    expectScope(lines, 1, '@left', 'string.unquoted.id.libreswan-secrets');
    expectScope(lines, 1, '@right', 'string.unquoted.id.libreswan-secrets');
    expectScope(lines, 1, ':', 'punctuation.separator.key-value.libreswan-secrets');
    expectScope(lines, 1, 'PSK', 'keyword.other.secret-type.libreswan-secrets');
    expectScope(lines, 2, '198.51.100.1', 'constant.numeric.ip-address.ipv4.libreswan-secrets');
    expectScope(lines, 3, '%any', 'constant.language.magic.libreswan-secrets');
    expectScope(lines, 4, 'RSA', 'keyword.other.secret-type.libreswan-secrets');
    expectScope(lines, 5, 'include', 'keyword.control.import.libreswan-secrets');
  });
  it('scopes PPK entries: the id is visible, the key is not', async () => {
    const l = await tokenize('libreswan-secrets', '@a @b : PPKS "ppk-id" "ppk-key-material"');
    expectScope(l, 0, 'PPKS', 'keyword.other.secret-type.libreswan-secrets');
    expectScope(l, 0, '"ppk-id"', 'string.quoted.double.libreswan-secrets', false);
    const key = scopesOf(l, 0, 'ppk-key-material', false);
    assert.ok(hasScope(key, 'meta.secret-value') && !hasScope(key, 'string.quoted'), JSON.stringify(key));
  });
  it('gives PSK values only a meta scope, so themes do not highlight them', () => {
    for (const [line, value] of [[1, 's3cr3t-placeholder'], [2, '0sc2VjcmV0'], [3, 'single quoted']] as const) expectQuietSecret(lines, line, value);
  });
});
