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
    || echo "could not install clang; the AOT binary tests will be skipped (no C toolchain)" >&2
fi
# HashiCorp's HCL parser compiled to WebAssembly (npm @cdktf/hcl2json) is the oracle of the HCL conformance test.
if command -v npm >/dev/null 2>&1 && [ ! -d tests/PlanParser.Tests/Hcl/hcl2json/node_modules/@cdktf/hcl2json ]; then
  echo "installing @cdktf/hcl2json (for the HCL conformance test)" >&2
  npm install --prefix tests/PlanParser.Tests/Hcl/hcl2json --no-audit --no-fund >/dev/null 2>&1 \
    || echo "could not install @cdktf/hcl2json; the HCL conformance test will be skipped" >&2
fi

# Build steps that must work wherever the tests run count as failed tests when they do not (added to the summary).
build_failures=0

echo "publishing the Native AOT build to .build/aot (a few minutes)" >&2
rm -rf .build/aot
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
if ! dotnet publish src/Cli/Cli.csproj -c Release -r "${rid:-linux-x64}" -p:PublishAot=true -o .build/aot --nologo -v quiet >.build-aot.log 2>&1; then
  rm -rf .build/aot
  if command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; then
    # A machine that can link must produce the release build: its failure is a failed test, not a skip.
    echo "FAILED: the Native AOT build failed although a C toolchain is here (see .build-aot.log)" >&2
    tail -n 20 .build-aot.log >&2
    build_failures=$((build_failures + 1))
  else
    echo "the Native AOT build failed and no C toolchain (clang or gcc) is here; the AOT binary tests will be skipped" >&2
  fi
fi

# linux-musl-x64 (Alpine, the official Atlantis image): a self-contained single-file build to .build/musl from the
# served runtime pack (Microsoft.NETCore.App.Runtime.linux-musl-x64); tests/Cli.Tests/MuslBuildTests check that it is
# a musl executable. (Native AOT for musl needs runtime.linux-musl-x64.Microsoft.DotNet.ILCompiler and a musl
# toolchain: the Dockerfiles build it inside the .NET SDK's Alpine image; README "Installing".)
echo "publishing the self-contained linux-musl-x64 build to .build/musl" >&2
rm -rf .build/musl
if ! dotnet publish src/Cli/Cli.csproj -c Release -r linux-musl-x64 --self-contained -p:PublishSingleFile=true -o .build/musl --nologo -v quiet >.build-musl.log 2>&1; then
  rm -rf .build/musl
  echo "FAILED: the linux-musl-x64 build failed (see .build-musl.log)" >&2
  tail -n 20 .build-musl.log >&2
  build_failures=$((build_failures + 1))
fi

# The .NET tool: pack src/Cli and install the package as `dotnet tool install --global` would (into .build/tool);
# tests/Cli.Tests/PackedToolTests run the installed command.
echo "packing and installing the .NET tool to .build/tool" >&2
rm -rf .build/nupkg .build/tool
{ dotnet pack src/Cli/Cli.csproj -c Release -o .build/nupkg --nologo -v quiet \
    && dotnet tool install kalc-iac --tool-path .build/tool --add-source .build/nupkg --version "$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)"; } >.build-tool.log 2>&1 \
  || { echo "FAILED: packing or installing the tool failed (see .build-tool.log)" >&2; tail -n 20 .build-tool.log >&2; rm -rf .build/tool; build_failures=$((build_failures + 1)); }

log=$(mktemp)
dotnet test Kalc.Iac.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    10, Skipped:     0, Total: ..."
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- Failed:' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {printf "%d %d %d\n", p, f, s}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; echo "dotnet test failed before running every test (build error?)" >&2; fi
failed=$(( ${failed:-0} + build_failures ))
if [ "$build_failures" -ne 0 ]; then
  echo "$build_failures build step(s) failed (above); counted as failed tests" >&2
  [ "$status" -eq 0 ] && status=1
fi
echo "${passed:-0} passed, ${failed} failed, ${skipped:-0} skipped"
exit "$status"
