/** Human names of FRR CLI nodes, for messages and hovers (the prompt context each node stands for). */
const NAMES: Record<string, string> = {
  CONFIG_NODE: 'top level',
  BGP_NODE: 'router bgp',
  BGP_IPV4_NODE: 'address-family ipv4 unicast',
  BGP_IPV4M_NODE: 'address-family ipv4 multicast',
  BGP_IPV4L_NODE: 'address-family ipv4 labeled-unicast',
  BGP_IPV6_NODE: 'address-family ipv6 unicast',
  BGP_IPV6M_NODE: 'address-family ipv6 multicast',
  BGP_IPV6L_NODE: 'address-family ipv6 labeled-unicast',
  BGP_VPNV4_NODE: 'address-family ipv4 vpn',
  BGP_VPNV6_NODE: 'address-family ipv6 vpn',
  BGP_EVPN_NODE: 'address-family l2vpn evpn',
  BGP_FLOWSPECV4_NODE: 'address-family ipv4 flowspec',
  BGP_FLOWSPECV6_NODE: 'address-family ipv6 flowspec',
  RMAP_NODE: 'route-map',
  INTERFACE_NODE: 'interface',
  VRF_NODE: 'vrf',
  VTY_NODE: 'line vty',
  OSPF_NODE: 'router ospf',
  KEYCHAIN_NODE: 'key chain',
  KEYCHAIN_KEY_NODE: 'key',
  BFD_NODE: 'bfd',
  BFD_PEER_NODE: 'bfd peer',
  BFD_PROFILE_NODE: 'bfd profile',
};

/** A short human name for node `n` (e.g. `BGP_NODE` -> `router bgp`). */
export function nodeName(n: string): string {
  return NAMES[n] ?? n.replace(/_NODE$/, '').toLowerCase().replace(/_/g, ' ');
}

/** True for the BGP address-family nodes (BGP_IPV4_NODE, BGP_IPV6_NODE, BGP_VPNV4_NODE, ...). */
export function isAddressFamilyNode(n: string): boolean {
  return /^BGP_(IPV4|IPV6|VPNV|EVPN|FLOWSPEC)/.test(n) && n !== 'BGP_EVPN_VNI_NODE';
}
