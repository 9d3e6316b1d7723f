// Stand-ins for checked files in the streamed CLI run (cli/stream.ts): what the cross-host checks still
// read of a file once its host is done.
import { frrFacts, seedFrrFacts } from '../checks/frr-util';
import type { FrrFile } from '../languages/frr/ast';
import type { FrrFacts } from '../languages/frr/facts';
import { parseAny } from '../languages';
import { seedFrrFactsOfFile } from '../model/ends-frr';
import type { TunnelEnd } from '../model/tunnels';
import { seedYamahaFacts, yamahaFactsOf } from '../model/yamaha';
import type { AnalyzedFile, ParsedFile } from '../workspace/types';
import type { FactInterner } from './compact';

/** One frozen empty list for every dropped list of every stand-in (nothing may add to it). */
const NONE: never[] = Object.freeze([]) as unknown as never[];
/** The empty parse of each language: Libreswan and secrets stand-ins share it, FRR and Yamaha copy it. */
const emptyAst = new Map<string, ParsedFile>();

/**
 * A stand-in for a checked file: its URI, path, language, version, mode and read problem, no text, an empty AST. An FRR
 * or Yamaha stand-in gets its own (shallow-copied) empty AST, seeded with the part of the file's lowered
 * facts that cross-host checks read (`crossFrrFacts`; Yamaha facts whole), compacted by `interner`.
 */
export function standIn(f: AnalyzedFile, interner: FactInterner): AnalyzedFile {
  let empty = emptyAst.get(f.languageId);
  if (!empty) emptyAst.set(f.languageId, (empty = parseAny(f.languageId, '').parsed));
  let parsed = empty;
  if (empty.languageId === 'yamaha-rtx') {
    const p: ParsedFile = (parsed = { languageId: 'yamaha-rtx', ast: { ...empty.ast } });
    const facts = yamahaFactsOf(f);
    if (facts) seedYamahaFacts(p.ast, interner.compact(facts));
  } else if (empty.languageId === 'frr') {
    const ast: FrrFile = { ...empty.ast };
    parsed = { languageId: 'frr', ast };
    const facts = frrFacts(f);
    if (facts) {
      const kept = interner.compact(crossFrrFacts(facts));
      seedFrrFacts(ast, kept);
      seedFrrFactsOfFile(ast, kept);
    }
  }
  // Two literals, so that every stand-in of either kind shares one hidden class (a spread or a property
  // added later gave each object its own, ~300 bytes).
  const { uri, path, languageId, version, mode, readProblem } = f;
  // A file that could not be read is rare: it keeps why (psk-missing stays silent on its host).
  if (readProblem !== undefined) return { uri, path, languageId, version, text: '', lines: NONE, parsed, parseProblems: NONE, mode, readProblem } as AnalyzedFile;
  if (mode === undefined) return { uri, path, languageId, version, text: '', lines: NONE, parsed, parseProblems: NONE } as AnalyzedFile;
  return { uri, path, languageId, version, text: '', lines: NONE, parsed, parseProblems: NONE, mode } as AnalyzedFile;
}

/**
 * The FRR facts the cross-host checks read: each `router bgp` with its `network`s (subnet-overlap rule 4)
 * but no neighbors (the tunnel model's BGP facts are kept with the ends), the static routes and the
 * interfaces (subnet-overlap rules 5 and 6, `model/static-routes.ts`). Prefix-lists, route-maps and
 * references are read by per-host checks only, which have run. A cross-host check that reads more of
 * `frrFacts`/`frrFactsOfFile` must keep it here (`test/unit/cli-stream.test.ts` compares both paths).
 */
export function crossFrrFacts(f: FrrFacts): FrrFacts {
  return { routers: f.routers.map((r) => ({ ...r, neighbors: NONE })), prefixLists: NONE, routeMaps: NONE, refs: NONE, staticRoutes: f.staticRoutes, interfaces: f.interfaces };
}

/**
 * Drops from each end's PSK what only matching read: the secrets entry's selectors and their keys (the
 * ends were matched when they were built). The cross-host checks read the decoded bytes and length
 * (psk-mismatch), the secret (cloud-psk-format) and where it is written. Changes `ends` in place.
 */
export function slimPsks(ends: readonly TunnelEnd[]): void {
  for (const e of ends) {
    if (!e.psk) continue;
    const { entry, file, bytes, length } = e.psk.psk;
    e.psk = { ...e.psk, psk: { entry: { ...entry, selectors: NONE }, file, bytes, length } };
  }
}
