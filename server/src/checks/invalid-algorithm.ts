import type { FileCheck } from './types';
import { valueProblems } from './value-issues';

/** An `ike=`/`esp=`/`ah=`/`phase2alg=` proposal that `ipsec algparse` would reject, or one with weak algorithms (warning). */
export const check: FileCheck = {
  code: 'invalid-algorithm',
  defaultSeverity: 'error',
  description: 'An ike=/esp= proposal with unknown, unsupported or misplaced algorithms (weak ones are warnings).',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run: (file, snapshot) => valueProblems(file, snapshot).filter((p) => p.code === 'invalid-algorithm'),
};
