#!/usr/bin/env bash
# How tools/TypeCatalogue/lists/*.txt were read (kept for the record; the generator itself works offline from lists/).
# Needs: npm (registry access) and git clones of the provider repositories at the commits the lists name, in $SRC:
#   $SRC/terraform-provider-kubernetes  $SRC/terraform-provider-helm  $SRC/terraform-provider-kubectl (gavinbunney)
#   $SRC/pulumi-kubernetes
# Prints each list's types to stdout under a heading; the "# ..." header lines of each list were written by hand from
# the same facts (package version and sha1, repository and commit).
set -euo pipefail
SRC=${SRC:?set SRC to the folder holding the provider clones}
work=$(mktemp -d)
cd "$work"
npm pack --silent @cdktf/provider-aws@21.22.1 @pulumi/aws@7.48.0 >/dev/null
mkdir cdktf pulumi && tar xzf cdktf-provider-aws-21.22.1.tgz -C cdktf && tar xzf pulumi-aws-7.48.0.tgz -C pulumi

echo "== terraform-aws.txt (resource directories of lib/, data-aws-* left out; the provider itself, 'aws', left out)"
for d in cdktf/package/lib/*/; do
  case "$(basename "$d")" in data-*) continue ;; esac
  grep -hoE '\.tfResourceType = "[a-z0-9_]+"' "$d/index.js" 2>/dev/null | head -1 | sed 's/.*"\(.*\)"/\1/'
done | grep -v '^aws$' | sort -u

echo "== pulumi-aws.txt"
grep -rhoE "__pulumiType = '[^']+'" --include=*.js pulumi/package | sed "s/.*'\(.*\)'/\1/" | grep '^aws:' | sort -u

echo "== terraform-kubernetes.txt (SDKv2 ResourcesMap + kubernetes_manifest + the framework's validating admission policy)"
git -C "$SRC/terraform-provider-kubernetes" show HEAD:kubernetes/provider.go \
  | awk '/ResourcesMap: map/{f=1;next} f&&/^\t\t},/{f=0} f' | grep -oE '^\s*"kubernetes_[a-z0-9_]+"' | tr -d ' \t"' \
  | { cat; echo kubernetes_manifest; echo kubernetes_validating_admission_policy_v1; } | sort -u

echo "== terraform-helm.txt"
git -C "$SRC/terraform-provider-helm" grep -h 'TypeName = req.ProviderTypeName' HEAD -- helm/resource_helm_release.go

echo "== terraform-kubectl.txt"
git -C "$SRC/terraform-provider-kubectl" show HEAD:kubernetes/provider.go | grep -oE '"kubectl_[a-z_]+":\s+resource' | cut -d'"' -f2

echo "== pulumi-kubernetes.txt"
{ git -C "$SRC/pulumi-kubernetes" grep -h "__pulumiType = '" HEAD -- sdk/nodejs | sed "s/.*__pulumiType = '\([^']*\)'.*/\1/"
  git -C "$SRC/pulumi-kubernetes" grep -hoE 'super\("kubernetes:[^"]+"' HEAD -- sdk/nodejs | sed 's/super("//;s/"//'
  echo 'kubernetes:helm.sh/v2:Chart'; } | grep -v '^kubernetes$' | sort -u
rm -rf "$work"
