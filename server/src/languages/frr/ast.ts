/** FRR configuration AST (filled in by the FRR language work). */
export interface FrrFile {
  kind: 'frr';
}
