// The extension activates in a real VS Code host and maps each file kind to its language id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, open, waitFor } from './util';

const CASES: [file: string, language: string][] = [
  ['cpe/ipsec.conf', 'libreswan'],
  ['cpe/ipsec.d/cloud.conf', 'libreswan'],
  ['cpe/ipsec.secrets', 'libreswan-secrets'],
  ['cpe/frr/bgpd.conf', 'frr'],
  ['branch/spare.rtx', 'yamaha-rtx'],
  // no extension: detected by its "# RTX1210 Rev...." first line
  ['branch/rtx1210-config', 'yamaha-rtx'],
];

suite('activation and language ids', () => {
  test('the four languages are registered', async () => {
    const langs = await vscode.languages.getLanguages();
    for (const id of ['libreswan', 'libreswan-secrets', 'frr', 'yamaha-rtx']) {
      assert.ok(langs.includes(id), `language ${id} missing`);
    }
  });

  for (const [file, language] of CASES) {
    test(`${file} opens as ${language} and the extension is active`, async () => {
      const doc = await open(file);
      assert.equal(doc.languageId, language);
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `extension ${EXTENSION_ID} not found`);
      await waitFor('extension activation', () => ext.isActive);
    });
  }

  test('an untitled buffer set to each language keeps the extension active', async () => {
    for (const language of ['libreswan', 'libreswan-secrets', 'frr', 'yamaha-rtx']) {
      const doc = await vscode.workspace.openTextDocument({ language, content: '' });
      assert.equal(doc.languageId, language);
    }
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  test('the restart command is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('vpnconf.restartServer'));
  });
});
