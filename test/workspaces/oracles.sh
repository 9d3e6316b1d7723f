#!/bin/bash
# Runs the real tools (../shared/oracles/) over every clean workspace and prints one verdict per file:
#   addconn --checkconfig (Libreswan 4.10) on each ipsec.conf / *.ipsec.conf, with `include /etc/ipsec.d/`
#     re-rooted on the host's own ipsec.d/ (a temporary copy);
#   vtysh -C and bgpd -C (FRR 8.4.4) on each FRR file (bgpd only on files with `router bgp`; needs root);
#   pluto's secrets parser on each *.secrets file (needs root).
# Usage: test/workspaces/oracles.sh [WORKSPACE...]      Exit 1 when any tool reports a problem.
here=$(cd "$(dirname "$0")" && pwd)
oracles=${VPNCONF_SHARED:-$here/../../../shared}/oracles
[ -d "$oracles" ] || { echo "oracles not found: $oracles" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bad=0
cd "$here" || exit 2
for ws in ${@:-$(ls -d */ | tr -d /)}; do
  cp -r "$ws" "$tmp/$ws"
  while IFS= read -r f; do
    rel=${f#"$tmp/"}
    case "$f" in
      */ipsec.conf|*.ipsec.conf)
        host=$(dirname "$f")
        sed -i "s#/etc/ipsec.d/#$host/ipsec.d/#g" "$f"
        out=$(cd "$host" && "$oracles/check-libreswan.sh" "$f" 2>/dev/null); tool=addconn ;;
      */frr/*.conf|*/bgpd.conf|*/staticd.conf|*/frr.conf)
        out=$("$oracles/check-frr-vtysh.sh" "$f" 2>/dev/null); tool=vtysh
        if [ -z "$out" ] && [ "$(id -u)" = 0 ] && grep -q '^router bgp' "$f"; then
          out=$("$oracles/check-frr-bgpd.sh" "$f" 2>/dev/null); tool="vtysh+bgpd"
        fi ;;
      *.secrets)
        [ "$(id -u)" = 0 ] || continue
        out=$("$oracles/check-libreswan-secrets.sh" "$f" 2>/dev/null | grep '^003'); tool=pluto-secrets ;;
      *) continue ;;
    esac
    if [ -z "$out" ]; then echo "ok   $tool $rel"; else echo "FAIL $tool $rel"; printf '%s\n' "$out" | sed 's/^/     /'; bad=1; fi
  done < <(find "$tmp/$ws" -type f | sort)
done
exit $bad
