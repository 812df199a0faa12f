#!/usr/bin/env bash
# Finds the kalc-iac binary for the action (step "Locate kalc-iac" of action.yml). Inputs come from the environment.
#   KALC_BINARY set: use that file.
#   KALC_VERSION set: download the release asset kalc-iac-$KALC_VERSION-linux-x64.tar.gz (or -linux-arm64) once into
#     the runner's tool cache.
#   neither: build the action's own source once; the build is cached (actions/cache) under a key made from the
#     source's content, so later runs and jobs reuse it.
# Writes bin=, build=, dir= and key= to $GITHUB_OUTPUT.
set -euo pipefail
out="${GITHUB_OUTPUT:?not running as a GitHub Actions step}"
tools="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/kalc-iac"
if [[ -n "${KALC_BINARY:-}" ]]; then
  [[ -x "$KALC_BINARY" ]] || { echo "kalc-iac: binary input '$KALC_BINARY' is not an executable file" >&2; exit 2; }
  echo "bin=$KALC_BINARY" >>"$out"
  echo "build=false" >>"$out"
  exit 0
fi
if [[ -n "${KALC_VERSION:-}" ]]; then
  [[ "$KALC_VERSION" =~ ^[0-9A-Za-z.+-]+$ ]] || { echo "kalc-iac: version input '$KALC_VERSION' is not a version" >&2; exit 2; }
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "kalc-iac: no release for $(uname -m)" >&2; exit 2 ;; esac
  dir="$tools/$KALC_VERSION/$arch"
  if [[ ! -x "$dir/kalc-iac" ]]; then
    mkdir -p "$dir"
    asset="kalc-iac-$KALC_VERSION-linux-$arch.tar.gz"
    gh release download "v$KALC_VERSION" --repo kalc-iac/kalc-iac --pattern "$asset" --dir "$dir"
    tar -xzf "$dir/$asset" -C "$dir"
  fi
  echo "bin=$dir/kalc-iac" >>"$out"
  echo "build=false" >>"$out"
  exit 0
fi
root="$GITHUB_ACTION_PATH/../.."
key="$(cd "$root" && find src global.json Directory.Build.props Directory.Packages.props -type f \
  -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-40)"
dir="$tools/build-$key"
echo "bin=$dir/kalc-iac" >>"$out"
echo "build=true" >>"$out"
echo "dir=$dir" >>"$out"
echo "key=$key" >>"$out"
