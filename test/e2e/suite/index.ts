// Mocha entry point loaded by the extension host (extensionTestsPath): runs every *.e2e.js beside it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Called by VS Code once the extension under development is loaded; rejects when a test fails. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  if (process.env.VPNCONF_E2E_GREP) mocha.grep(process.env.VPNCONF_E2E_GREP);
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.e2e.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
  });
}
