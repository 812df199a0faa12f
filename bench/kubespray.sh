#!/usr/bin/env bash
# Benchmark: resolving a large kubespray inventory, kalc-iac against `ansible-inventory --list` on the same files.
# Usage: bench/kubespray.sh [--hosts N] [--repeat N] [--kalc PATH] [--skip-build]
# Needs: dotnet, ansible-inventory (Debian package ansible-core), GNU time at /usr/bin/time.
# Writes bench/data-kubespray (the inventory) and bench/results/kubespray-*.
# The inventory is kubespray's sample (fixtures/kubespray/master/inventory/sample: its group_vars) with N hosts:
# 3 control-plane hosts that are also the etcd members, the rest kube_node, each with ansible_host, ip and
# (the first 3) etcd_member_name, as the sample's inventory.ini describes. kalc-iac resolves it with the bundled
# defaults (no --kubespray-dir); ansible-inventory reads the inventory only (it knows no role defaults), so
# kalc-iac does strictly more work per host. Each repeat runs ansible-inventory, then kalc-iac right after it,
# and prints the pair's ratio (kalc-iac's wall time over ansible-inventory's) and the median over the pairs.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
hosts=1000 repeat=5 build=1 kalc="$here/out/kalc-iac/kalc-iac"
while [ $# -gt 0 ]; do
  case "$1" in
    --hosts) hosts="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --kalc) kalc="$2"; build=0; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "kubespray.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in dotnet ansible-inventory /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "kubespray.sh: $tool is required" >&2; exit 2; }
done

data="$here/data-kubespray" results="$here/results"
mkdir -p "$results"
if [ "$build" = 1 ]; then
  rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
  rm -rf "$here/out/kalc-iac"
  dotnet publish "$root/src/Cli/Cli.csproj" -c Release -r "${rid:-linux-x64}" -p:PublishAot=true -o "$here/out/kalc-iac" --nologo -v quiet \
    || { echo "kubespray.sh: kalc-iac does not publish" >&2; exit 1; }
fi

# The inventory: sample group_vars, hosts.yaml with N hosts.
rm -rf "$data"
mkdir -p "$data"
cp -r "$root/fixtures/kubespray/master/inventory/sample/group_vars" "$data/"
{
  echo "all:"
  echo "  hosts:"
  for i in $(seq 1 "$hosts"); do
    printf '    node%d:\n      ansible_host: 10.%d.%d.%d\n      ip: 10.%d.%d.%d\n' "$i" $((i / 65536 % 256)) $((i / 256 % 256)) $((i % 256)) $((i / 65536 % 256)) $((i / 256 % 256)) $((i % 256))
    [ "$i" -le 3 ] && printf '      etcd_member_name: etcd%d\n' "$i"
  done
  echo "  children:"
  echo "    kube_control_plane:"
  echo "      hosts:"
  for i in 1 2 3; do echo "        node$i:"; done
  echo "    etcd:"
  echo "      children:"
  echo "        kube_control_plane:"
  echo "    kube_node:"
  echo "      hosts:"
  for i in $(seq 4 "$hosts"); do echo "        node$i:"; done
  echo "    k8s_cluster:"
  echo "      children:"
  echo "        kube_control_plane:"
  echo "        kube_node:"
  echo "    calico_rr:"
  echo "      hosts: {}"
} >"$data/hosts.yaml"

wall() { sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
rss() { sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$1"; }

ratios=()
for n in $(seq 1 "$repeat"); do
  /usr/bin/time -v -o "$results/kubespray-ansible.time" ansible-inventory -i "$data/hosts.yaml" --list >"$results/kubespray-ansible.json" 2>"$results/kubespray-ansible.stderr" \
    || { echo "kubespray.sh: ansible-inventory failed (see $results/kubespray-ansible.stderr)" >&2; exit 1; }
  KALC_TIMINGS=1 /usr/bin/time -v -o "$results/kubespray-kalc.time" "$kalc" --kubespray "$data" --format json >"$results/kubespray-kalc.json" 2>"$results/kubespray-kalc.stderr"
  code=$?
  [ "$code" -le 1 ] || { echo "kubespray.sh: kalc-iac exited $code (see $results/kubespray-kalc.stderr)" >&2; exit 1; }
  a=$(wall "$results/kubespray-ansible.time") k=$(wall "$results/kubespray-kalc.time")
  r=$(awk -v k="$k" -v a="$a" 'BEGIN { printf "%.2f", k / a }')
  ratios+=("$r")
  printf 'run %d: ansible-inventory %ss (%s KiB), kalc-iac %ss (%s KiB), ratio %s\n' "$n" "$a" "$(rss "$results/kubespray-ansible.time")" "$k" "$(rss "$results/kubespray-kalc.time")" "$r"
done
grep 'timing' "$results/kubespray-kalc.stderr" | sed 's/^/  last kalc-iac run: /'
printf 'median ratio (kalc-iac / ansible-inventory) over %d pairs: %s\n' "$repeat" "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
