/**
 * Shared shapes for the Libreswan value validators (values*.ts, algorithms.ts).
 * Kept in their own module so the validators can import each other without cycles.
 */

/** Libreswan major version the configuration is written for. */
export type LibreswanVersion = '4' | '5';

/**
 * One problem inside a value. `start`/`end` are 0-based UTF-16 offsets into the value text
 * (end exclusive). `severity` defaults to 'error' when absent.
 */
export interface ValueIssue {
  start: number;
  end: number;
  message: string;
  code: 'invalid-value' | 'invalid-algorithm';
  severity?: 'error' | 'warning';
}

/** Builds an error-level {@link ValueIssue} with code `invalid-value`. */
export function valueError(start: number, end: number, message: string): ValueIssue {
  return { start, end, message, code: 'invalid-value' };
}

/** Builds a warning-level {@link ValueIssue} with code `invalid-value`. */
export function valueWarning(start: number, end: number, message: string): ValueIssue {
  return { start, end, message, code: 'invalid-value', severity: 'warning' };
}
