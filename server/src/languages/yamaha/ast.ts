/** Yamaha RTX command file AST (filled in by the Yamaha language work). */
export interface YamahaFile {
  kind: 'yamaha-rtx';
}
