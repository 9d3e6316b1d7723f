// The language server answers through the client: pushed diagnostics, hover, completion, restart.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, positionOf, waitFor } from './util';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function labels(list: vscode.CompletionList): string[] {
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

suite('language server through the client', () => {
  test('an unknown keyword gets an error diagnostic on its key', async () => {
    const doc = await open('broken/ipsec.conf');
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length ? d : undefined;
    });
    const d = diags.find((x) => x.code === 'unknown-keyword');
    assert.ok(d, `no unknown-keyword among ${JSON.stringify(diags.map((x) => x.code))}`);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(d.range), 'leftsubnett');
    assert.match(d.message, /leftsubnet/);
  });

  test('the clean host (Libreswan + secrets + FRR) has no errors or warnings', async () => {
    const files = ['cpe/ipsec.conf', 'cpe/ipsec.d/cloud.conf', 'cpe/ipsec.secrets', 'cpe/frr/bgpd.conf', 'cpe/frr/staticd.conf'];
    const docs: vscode.TextDocument[] = [];
    for (const f of files) docs.push(await open(f));
    await new Promise((r) => setTimeout(r, 1000));
    const loud = docs.flatMap((doc) =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning)
        .map((d) => `${vscode.workspace.asRelativePath(doc.uri)}:${d.range.start.line + 1} ${String(d.code)}: ${d.message}`),
    );
    assert.deepEqual(loud, []);
  });

  test('hover on a keyword describes it', async () => {
    const doc = await open('cpe/ipsec.d/cloud.conf');
    const text = await waitFor('hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'ikev2=', 1));
      return hoverText(h ?? []) || undefined;
    });
    assert.match(text, /ikev2/);
  });

  test('hover on a CIDR does the subnet math', async () => {
    const doc = await open('cpe/ipsec.d/cloud.conf');
    const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '169.254.10.2/30', 3));
    assert.match(hoverText(h ?? []), /169\.254\.10\.0\/30/);
  });

  test('completion in a conn offers keywords and the contributed snippets', async () => {
    const doc = await open('cpe/ipsec.d/cloud.conf');
    const pos = new vscode.Position(doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length);
    // a fresh indented line inside the conn, in an untitled copy so the workspace file stays untouched
    const copy = await vscode.workspace.openTextDocument({ language: 'libreswan', content: `${doc.getText()}    ` });
    const at = new vscode.Position(pos.line + 1, 4);
    const list = await waitFor('completion', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', copy.uri, at);
      return l && l.items.length ? l : undefined;
    });
    const got = labels(list);
    assert.ok(got.includes('leftsubnet') || got.includes('dpddelay'), `keywords missing: ${got.slice(0, 20).join(', ')}`);
    assert.ok(!got.includes('ikev2'), 'a keyword already set in the conn is not offered again');
    // The list carries no documentation; it arrives through completionItem/resolve (itemResolveCount).
    const bare = list.items.find((i) => labels({ items: [i] } as vscode.CompletionList)[0] === 'dpddelay');
    assert.ok(bare, 'dpddelay offered');
    assert.equal(bare.documentation, undefined, 'documentation sent with the list');
    const resolved = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', copy.uri, at, undefined, 1000);
    const item = resolved.items.find((i) => labels({ items: [i] } as vscode.CompletionList)[0] === 'dpddelay');
    const docs = item?.documentation;
    const docText = typeof docs === 'string' ? docs : docs?.value ?? '';
    assert.match(docText, /\*\*dpddelay\*\*/, `no resolved documentation for dpddelay: ${JSON.stringify(docs)}`);
    assert.match(docText, /Type: `/);
    const top = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', copy.uri, new vscode.Position(0, 0));
    assert.ok(labels(top).includes('conn-vti-pair'), 'snippet conn-vti-pair missing');
  });

  test('FRR and Yamaha files reach the server too (hover)', async () => {
    const frr = await open('cpe/frr/bgpd.conf');
    const h1 = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', frr.uri, positionOf(frr, 'neighbor', 1));
    assert.match(hoverText(h1 ?? []), /neighbor/i);
    // detected by its first line only (no .rtx extension)
    const rtx = await open('branch/rtx1210-config');
    const h2 = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', rtx.uri, positionOf(rtx, 'RTX1210', 2));
    assert.match(hoverText(h2 ?? []), /RTX1210/);
  });

  test('FRR completion comes from the server, not only from snippets', async () => {
    const copy = await vscode.workspace.openTextDocument({ language: 'frr', content: 'router bgp 65000\n ' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', copy.uri, new vscode.Position(1, 1));
    const fromServer = (list?.items ?? []).filter((i) => i.kind !== vscode.CompletionItemKind.Snippet);
    assert.ok(fromServer.length > 0, `only snippets: ${labels(list).join(', ')}`);
  });

  test('document symbols list the conns', async () => {
    const doc = await open('cpe/ipsec.d/cloud.conf');
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length ? s : undefined;
    });
    assert.ok(symbols.some((s) => s.name.includes('cloud-tunnel1')), JSON.stringify(symbols.map((s) => s.name)));
  });

  test('vpnconf.restartServer restarts the server and it answers again', async () => {
    await vscode.commands.executeCommand('vpnconf.restartServer');
    const doc = await open('cpe/ipsec.d/cloud.conf');
    const text = await waitFor('hover after restart', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'authby=', 1));
      return hoverText(h ?? []) || undefined;
    });
    assert.match(text, /authby/);
  });
});
