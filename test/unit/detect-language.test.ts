import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../server/src/workspace/languages';

/** Yamaha command files kept as .txt/.cfg/.conf without the `show config` header are still Yamaha. */
const AWS_DOWNLOAD = [
  '# Amazon Web Services',
  '# Virtual Private Cloud',
  ...Array.from({ length: 80 }, (_, i) => `# explanatory prose line ${i} of the download, before the first tunnel`),
  'tunnel select 1',
  'ipsec ike encryption 1 aes-cbc',
  'ipsec ike pre-shared-key 1 text Abcdefghijklmnop12345678',
  'tunnel select none',
].join('\r\n');

test('a Yamaha command file without the show-config header is detected by its tunnel and IKE commands', () => {
  assert.equal(detectLanguage('/ws/aws-yamaha.txt', AWS_DOWNLOAD), 'yamaha-rtx');
  assert.equal(detectLanguage('/ws/branch.cfg', ' tunnel select 2\n  ipsec ike remote address 2 203.0.113.9\n'), 'yamaha-rtx');
});

test('tunnel select alone, or other files, stay what they were', () => {
  assert.equal(detectLanguage('/ws/notes.txt', 'tunnel select 1\nremember to run save\n'), null);
  assert.equal(detectLanguage('/ws/notes.txt', 'ipsec ike remote address 1 203.0.113.9\n'), null);
  assert.equal(detectLanguage('/ws/gw.conf', 'conn a\n    left=192.0.2.1\n'), 'libreswan');
  assert.equal(detectLanguage('/ws/r.conf', 'router bgp 65000\n'), 'frr');
});

test('a .conf file that only includes others is Libreswan; a comment-only or mixed file is not', () => {
  assert.equal(detectLanguage('/ws/gw/ipsec.d/aws/main.conf', '# AWS VPN\ninclude /etc/ipsec.d/aws/tunnels/*.conf\n'), 'libreswan');
  assert.equal(detectLanguage('/ws/gw/inc0.conf', 'include inc1.conf\r\n'), 'libreswan');
  assert.equal(detectLanguage('/ws/gw/notes.conf', '# nothing here\n'), null);
  assert.equal(detectLanguage('/ws/gw/x.conf', 'include a.conf\nhostname r1\n'), null);
});
