/**
 * Custom LSP requests between the vpnconf client and server (shared types; the client imports them as
 * types only). The server answers with data and `WorkspaceEdit`s; it never writes a file itself.
 */
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { ImportedTunnels, ScaffoldRequest } from './features/scaffold/types';

/** `vpnconf/scaffoldContext`: the hosts a scaffold can target or face. */
export const SCAFFOLD_CONTEXT = 'vpnconf/scaffoldContext';
/** One host of the workspace as the wizard lists it. */
export interface HostSummary {
  name: string;
  /** Absolute POSIX folder (Libreswan/FRR) or file (Yamaha). */
  root: string;
  kind: 'libreswan' | 'yamaha' | 'other';
  /** Local BGP ASN the host already uses, if any. */
  asn?: number;
}
/** Answer of `vpnconf/scaffoldContext`. */
export interface ScaffoldContextResult {
  folders: string[];
  hosts: HostSummary[];
}

/** `vpnconf/scaffold`: generate both tunnels of a pair; defaults fill what `request` leaves out. */
export const SCAFFOLD = 'vpnconf/scaffold';
/** Parameters of `vpnconf/scaffold`: `cpe`, `peer` (unless `importText` names the cloud) and `target` are required. */
export interface ScaffoldParams {
  request: Partial<ScaffoldRequest> & Pick<ScaffoldRequest, 'cpe' | 'target'>;
  /** A cloud download whose tunnels seed the request (Import cloud VPN configuration). */
  importText?: string;
}
/** Answer of `vpnconf/scaffold`: the edit to apply, or an error message (no PSK in either message). */
export type ScaffoldResponse = { edit: WorkspaceEdit; notes: string[]; files: Array<{ path: string; mode: 'create' | 'append'; secret: boolean }> } | { error: string };

/** `vpnconf/importCloudConfig`: read a cloud download; PSKs are left out of the answer. */
export const IMPORT_CLOUD_CONFIG = 'vpnconf/importCloudConfig';
/** Parameters of `vpnconf/importCloudConfig`. */
export interface ImportParams {
  text: string;
}
/** Answer of `vpnconf/importCloudConfig`: the tunnels (PSKs replaced by `hasPsk`) or an error. */
export type ImportResponse = { imported: ImportedTunnels & { hasPsk: [boolean, boolean] } } | { error: string };
