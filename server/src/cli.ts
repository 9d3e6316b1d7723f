import { parseCheckArgs, runCheck } from './cli/check';
import { parseScaffoldArgs, runScaffold, SCAFFOLD_USAGE } from './cli/scaffold';

const VERSION = '0.1.0';
const USAGE = `usage: vpnconf check [--format text|json|sarif] [--libreswan-version 4|5] [--severity CODE:LEVEL]... [--] PATH...
       vpnconf scaffold --cpe libreswan-frr|yamaha-rtx --cloud aws|oci|libreswan --out DIR [options]
       vpnconf --version

Checks Libreswan (ipsec.conf, *.secrets), FRR (bgpd.conf, frr.conf, staticd.conf) and Yamaha RTX files,
across files and hosts. Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
\`vpnconf scaffold --help\` lists the options of scaffold (writes both tunnels of a redundant pair).
`;

/** Entry point of the `vpnconf` command. Returns the process exit code. */
export function main(argv: readonly string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === '--version' || cmd === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (cmd === 'scaffold') {
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(SCAFFOLD_USAGE);
      return 0;
    }
    const sargs = parseScaffoldArgs(rest);
    if (typeof sargs === 'string') {
      process.stderr.write(`vpnconf: ${sargs}\n${SCAFFOLD_USAGE}`);
      return 2;
    }
    const done = runScaffold(sargs);
    (done.exitCode === 0 ? process.stdout : process.stderr).write(done.output);
    return done.exitCode;
  }
  if (cmd !== 'check') {
    process.stderr.write(cmd ? `vpnconf: unknown command ${cmd}\n${USAGE}` : USAGE);
    return 2;
  }
  const args = parseCheckArgs(rest);
  if (typeof args === 'string') {
    process.stderr.write(`vpnconf: ${args}\n${USAGE}`);
    return 2;
  }
  const outcome = runCheck(args, VERSION);
  // Usage problems go to stderr; a report (even with unreadable files, exit 2) goes to stdout.
  (outcome.exitCode === 2 && outcome.findings.length === 0 ? process.stderr : process.stdout).write(outcome.output);
  return outcome.exitCode;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
