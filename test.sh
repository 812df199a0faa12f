#!/usr/bin/env bash
# Runs every test of kalc-iac, installing what the tests need first. Ends with one line: N passed, N failed, N skipped.
set -uo pipefail
cd "$(dirname "$0")"

# ansible-inventory is the oracle for kubespray variable resolution (tests skip it only when it cannot be installed).
if ! command -v ansible-inventory >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing ansible-core (for the ansible-inventory oracle tests)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ansible-core) >/dev/null 2>&1 \
    || echo "could not install ansible-core; the oracle tests will be skipped" >&2
fi

# The release build is Native AOT; tests/Cli.Tests/AotBinaryTests run it against every scenario and the live fakes.
# The AOT compiler links with the system C toolchain (clang or gcc): install clang when neither is there.
if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing clang (the linker the Native AOT build needs)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev) >/dev/null 2>&1 \
    || echo "could not install clang; the AOT binary tests will be skipped" >&2
fi
# HashiCorp's HCL parser compiled to WebAssembly (npm @cdktf/hcl2json) is the oracle of the HCL conformance test.
if command -v npm >/dev/null 2>&1 && [ ! -d tests/PlanParser.Tests/Hcl/hcl2json/node_modules/@cdktf/hcl2json ]; then
  echo "installing @cdktf/hcl2json (for the HCL conformance test)" >&2
  npm install --prefix tests/PlanParser.Tests/Hcl/hcl2json --no-audit --no-fund >/dev/null 2>&1 \
    || echo "could not install @cdktf/hcl2json; the HCL conformance test will be skipped" >&2
fi

echo "publishing the Native AOT build to .build/aot (a few minutes)" >&2
rm -rf .build/aot
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
dotnet publish src/Cli/Cli.csproj -c Release -r "${rid:-linux-x64}" -p:PublishAot=true -o .build/aot --nologo -v quiet >.build-aot.log 2>&1 \
  || { echo "the Native AOT build failed (see .build-aot.log); the AOT binary tests will be skipped" >&2; rm -rf .build/aot; }

# The .NET tool: pack src/Cli and install the package as `dotnet tool install --global` would (into .build/tool);
# tests/Cli.Tests/PackedToolTests run the installed command.
echo "packing and installing the .NET tool to .build/tool" >&2
rm -rf .build/nupkg .build/tool
{ dotnet pack src/Cli/Cli.csproj -c Release -o .build/nupkg --nologo -v quiet \
    && dotnet tool install kalc-iac --tool-path .build/tool --add-source .build/nupkg --version "$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)"; } >.build-tool.log 2>&1 \
  || { echo "packing or installing the tool failed (see .build-tool.log); the packed tool tests will be skipped" >&2; rm -rf .build/tool; }

log=$(mktemp)
dotnet test Kalc.Iac.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    10, Skipped:     0, Total: ..."
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- Failed:' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {printf "%d %d %d\n", p, f, s}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; echo "dotnet test failed before running every test (build error?)" >&2; fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
