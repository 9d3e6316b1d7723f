// Grammar tests for FRR configuration files, run through the real TextMate engine.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Token, expectQuietSecret, expectScope, hasScope, scopesOf, tokenizeFixture } from './textmate';

describe('frr grammar', () => {
  let lines: Token[][];
  before(async () => {
    lines = await tokenizeFixture('frr', 'bgpd.conf');
  });
  it('scopes ! and # comment lines, but not a ! inside a line', () => {
    expectScope(lines, 0, '! FRR fixture', 'comment.line.exclamation.frr', false);
    expectScope(lines, 1, '# hash comment', 'comment.line.number-sign.frr', false);
    expectScope(lines, 9, '!', 'comment.line.exclamation.frr', false);
    const desc = scopesOf(lines, 8, 'AWS tunnel 1!', false);
    assert.ok(!hasScope(desc, 'comment'), JSON.stringify(desc));
    assert.ok(hasScope(desc, 'string.unquoted.description.frr'), JSON.stringify(desc));
  });
  it('scopes router bgp and its AS number', () => {
    expectScope(lines, 4, 'router', 'keyword.control.router.frr');
    expectScope(lines, 4, 'bgp', 'keyword.control.router.frr');
    expectScope(lines, 4, '65000', 'constant.numeric.frr');
  });
  it('scopes commands, neighbors and sub-keywords', () => {
    expectScope(lines, 2, 'frr', 'keyword.other.command.frr');
    expectScope(lines, 6, 'neighbor', 'keyword.other.command.frr');
    expectScope(lines, 6, '169.254.10.1', 'constant.numeric.ip-address.ipv4.frr');
    expectScope(lines, 6, 'remote-as', 'keyword.other.frr');
    expectScope(lines, 6, '64512', 'constant.numeric.frr');
  });
  it('scopes address-family blocks and exits', () => {
    expectScope(lines, 10, 'address-family', 'keyword.control.address-family.frr');
    expectScope(lines, 14, 'exit-address-family', 'keyword.control.exit.frr');
    expectScope(lines, 15, 'exit', 'keyword.control.exit.frr');
  });
  it('scopes route-map and prefix-list names and directions', () => {
    expectScope(lines, 12, 'route-map', 'keyword.other.frr');
    expectScope(lines, 12, 'AWS-IN', 'entity.name.function.frr');
    expectScope(lines, 12, 'in', 'keyword.other.direction.frr');
    expectScope(lines, 13, 'PL-OUT', 'entity.name.function.frr');
    expectScope(lines, 13, 'out', 'keyword.other.direction.frr');
    expectScope(lines, 17, 'PL-OUT', 'entity.name.function.list.frr');
    expectScope(lines, 17, '10.0.0.0/16', 'constant.numeric.ip-address.ipv4.frr');
    expectScope(lines, 17, 'permit', 'keyword.other.frr');
    expectScope(lines, 18, 'route-map', 'keyword.control.route-map.frr');
    expectScope(lines, 18, 'AWS-IN', 'entity.name.function.route-map.frr');
  });
  it('gives BGP passwords only a meta scope', () => {
    expectQuietSecret(lines, 7, 'not-shown');
    expectScope(lines, 7, 'not-shown', 'meta.secret-value.frr', false);
  });
});
