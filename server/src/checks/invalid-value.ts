import type { FileCheck } from './types';
import { valueProblems } from './value-issues';

/**
 * A value Libreswan would reject or misread for its keyword's type: enums, booleans, numbers, times with
 * suffixes, percents, byte sizes, addresses and subnets (via ip-address), marks, IDs (values.ts rules).
 */
export const check: FileCheck = {
  code: 'invalid-value',
  defaultSeverity: 'error',
  description: 'A value that does not fit its keyword: enum, boolean, number, time, percent, address, subnet, mark, ID.',
  scope: 'file',
  languages: ['libreswan'],
  sectionLocal: true,
  run: (file, snapshot) => valueProblems(file, snapshot).filter((p) => p.code === 'invalid-value'),
};
