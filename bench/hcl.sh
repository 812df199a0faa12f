#!/usr/bin/env bash
# Benchmark: our HCL parser against HashiCorp's (npm @cdktf/hcl2json, hclsyntax compiled to WebAssembly, under node)
# on the same 2,000 .tf files, laid out from fixtures/hcl. Usage: bench/hcl.sh [--files N] [--runs N]
# Needs: dotnet, node, npm. Writes bench/out/hcl (the files) and prints one JSON line per parser.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
oracle="$root/tests/PlanParser.Tests/Hcl/hcl2json"
[ -d "$oracle/node_modules/@cdktf/hcl2json" ] || npm install --prefix "$oracle" --no-audit --no-fund >/dev/null
dotnet publish "$here/HclBench/HclBench.csproj" -c Release -o "$here/out/hcl-bench" --nologo -v quiet
echo "kalc-iac (C#, Sprache):" >&2
"$here/out/hcl-bench/hcl-bench" --corpus "$root/fixtures/hcl" --out "$here/out/hcl" "$@"
echo "@cdktf/hcl2json (hclsyntax in WebAssembly, node $(node --version)):" >&2
(cd "$oracle" && node hcl2json.js --bench < "$here/out/hcl/files.txt")
