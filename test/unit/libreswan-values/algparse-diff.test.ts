/**
 * Differential test: our proposal validator vs the real `ipsec algparse` (Libreswan 4.10).
 * Compares accept/reject over a few hundred proposal strings (valid table entries plus mutants)
 * and asserts at least 95% agreement.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAlgorithms, type ProposalKind } from '../../../server/src/languages/libreswan/algorithms';
import { algparse, findIpsec, missingTool, pool } from './oracle';
import { proposalCorpus } from './corpus';

test('algparse agreement (accept/reject) >= 95%', async (t) => {
  const ipsec = findIpsec();
  if (!ipsec) { t.skip(missingTool('ipsec')); return; }
  const cases = proposalCorpus();
  const results = await pool(cases, 8, async (c) => {
    const real = await algparse(ipsec, c.ike, c.kind, c.text);
    const ours = validateAlgorithms(c.kind as ProposalKind, c.text, { version: '4', ikeVersion: c.ike });
    const oursOk = !ours.some((i) => (i.severity ?? 'error') === 'error');
    return { c, real, oursOk, ours };
  });
  const disagree = results.filter((r) => r.real.ok !== r.oursOk);
  for (const d of disagree.slice(0, 40)) {
    console.log(`  disagree: -v${d.c.ike} ${d.c.kind}=${d.c.text} real=${d.real.ok ? 'accept' : 'reject'} ours=${d.oursOk ? 'accept' : 'reject'} :: ${d.real.out.split('\n').slice(1).join(' | ')} :: ${d.ours.map((i) => i.message).join(' | ')}`);
  }
  const agree = results.length - disagree.length;
  console.log(`algparse agreement: ${agree}/${results.length} (algparse accepted ${results.filter((r) => r.real.ok).length})`);
  assert.ok(results.length >= 300, `corpus too small: ${results.length}`);
  assert.ok(agree / results.length >= 0.95, `agreement ${agree}/${results.length} below 95%`);
});
