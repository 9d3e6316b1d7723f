// Grammar tests for Yamaha RTX command files, run through the real TextMate engine.
import { before, describe, it } from 'node:test';
import { Token, expectQuietSecret, expectScope, tokenizeFixture } from './textmate';

describe('yamaha-rtx grammar', () => {
  let lines: Token[][];
  before(async () => {
    lines = await tokenizeFixture('yamaha-rtx', 'router.rtx');
  });
  it('scopes the model/revision comment', () => {
    expectScope(lines, 0, '# RTX1210 Rev.14.01.38', 'comment.line.number-sign.yamaha-rtx', false);
  });
  it('scopes tunnel select', () => {
    expectScope(lines, 2, 'tunnel', 'keyword.control.select.yamaha-rtx');
    expectScope(lines, 2, 'select', 'keyword.control.select.yamaha-rtx');
    expectScope(lines, 2, '1', 'constant.numeric.yamaha-rtx');
    expectScope(lines, 11, 'none', 'constant.language.yamaha-rtx');
  });
  it('scopes multi-word commands, numbers, values and addresses', () => {
    expectScope(lines, 1, 'ip lan1 address', 'keyword.other.command.yamaha-rtx');
    expectScope(lines, 1, '192.168.0.1/24', 'constant.numeric.ip-address.ipv4.yamaha-rtx');
    expectScope(lines, 4, 'ipsec sa policy', 'keyword.other.command.yamaha-rtx');
    expectScope(lines, 4, '101', 'constant.numeric.yamaha-rtx');
    expectScope(lines, 4, 'aes-cbc', 'string.unquoted.value.yamaha-rtx');
    expectScope(lines, 8, 'ip tunnel address', 'keyword.other.command.yamaha-rtx');
    expectScope(lines, 8, '169.254.20.2/30', 'constant.numeric.ip-address.ipv4.yamaha-rtx');
    expectScope(lines, 12, 'bgp use', 'keyword.other.command.yamaha-rtx');
    expectScope(lines, 12, 'on', 'constant.language.yamaha-rtx');
  });
  it('scopes bgp neighbor and its key=value options', () => {
    expectScope(lines, 13, 'bgp neighbor', 'keyword.other.command.yamaha-rtx');
    expectScope(lines, 13, '65000', 'constant.numeric.yamaha-rtx');
    expectScope(lines, 13, 'hold-time', 'variable.parameter.option.yamaha-rtx');
    expectScope(lines, 13, 'local-address', 'variable.parameter.option.yamaha-rtx');
    expectScope(lines, 13, '169.254.20.1', 'constant.numeric.ip-address.ipv4.yamaha-rtx');
  });
  it('gives the pre-shared key only a meta scope', () => {
    expectScope(lines, 6, 'ipsec ike pre-shared-key', 'keyword.other.command.yamaha-rtx');
    expectQuietSecret(lines, 6, 'example-psk-placeholder');
    expectScope(lines, 6, 'example-psk-placeholder', 'meta.secret-value.yamaha-rtx', false);
  });
});
