/** Placeholder: host grouping (DESIGN §3) lands with the workspace core. */
export interface Host {
  /** Display name: the host folder relative to the workspace root, or the vpnconf.json name. */
  name: string;
  /** Absolute folder path of the host (POSIX). */
  root: string;
  /** URIs of the host's files. */
  fileUris: string[];
}

/** All hosts of a snapshot, and the host of each file. */
export interface HostIndex {
  hosts: ReadonlyMap<string, Host>;
  hostOfUri: ReadonlyMap<string, Host>;
}
