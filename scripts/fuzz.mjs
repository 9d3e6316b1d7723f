// The long fuzz run: `npm run fuzz` (VPNCONF_FUZZ_RUNS runs per property, default 2000; VPNCONF_FUZZ_SEED replays a seed).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, VPNCONF_FUZZ_RUNS: process.env.VPNCONF_FUZZ_RUNS || '2000' };
console.log(`vpnconf fuzz: ${env.VPNCONF_FUZZ_RUNS} runs per property${env.VPNCONF_FUZZ_SEED ? `, seed ${env.VPNCONF_FUZZ_SEED}` : ''}`);
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'out/test/fuzz/'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
