#!/usr/bin/env bash
# One kalc-iac analysis for the action (step "Analyse" of action.yml): the text report to the log, and SARIF,
# Markdown and JSON files from the same run (--format FORMAT=FILE), so live state is read once. The Markdown (capped
# at GitHub's 65,536-character comment limit, well under the 1 MiB job-summary limit) goes to the job summary and,
# with comment: 'true' on a pull request, to a PR comment. Every input arrives as an environment variable and is
# passed to kalc-iac as one argument: nothing in an input is run by the shell.
set -uo pipefail
out="${GITHUB_OUTPUT:?not running as a GitHub Actions step}"
dir="${RUNNER_TEMP:-/tmp}/kalc-iac-report"
mkdir -p "$dir"
sarif="$dir/kalc-iac.sarif"
markdown="$dir/kalc-iac.md"
json="$dir/kalc-iac.json"

args=()
[[ -n "${KALC_PLAN:-}" ]] && args+=("$KALC_PLAN")
add() { [[ -n "$2" ]] && args+=("$1" "$2"); return 0; }
add --kubespray "${KALC_KUBESPRAY:-}"
add --kubespray-dir "${KALC_KUBESPRAY_DIR:-}"
add --kubespray-version "${KALC_KUBESPRAY_VERSION:-}"
add --kubespray-baseline "${KALC_KUBESPRAY_BASELINE:-}"
while IFS= read -r var; do add --extra-vars "$var"; done <<<"${KALC_EXTRA_VARS:-}"
add --aws-state "${KALC_AWS_STATE:-}"
add --k8s-state "${KALC_K8S_STATE:-}"
add --source "${KALC_SOURCE:-}"
while IFS= read -r file; do add --var-file "$file"; done <<<"${KALC_VAR_FILES:-}"
add --config "${KALC_CONFIG:-}"
add --disable "${KALC_DISABLE:-}"
add --fail-on "${KALC_FAIL_ON:-}"
add --region "${KALC_REGION:-}"
add --cluster "${KALC_CLUSTER:-}"
add --context "${KALC_CONTEXT:-}"
[[ "${KALC_STRICT:-}" == "true" ]] && args+=(--strict)
if [[ -z "${KALC_PLAN:-}" && -z "${KALC_KUBESPRAY:-}" ]]; then
  echo "kalc-iac: give the action a plan or a kubespray inventory" >&2
  echo "exit-code=2" >>"$out"
  exit 2
fi

rm -f "$sarif" "$markdown" "$json"
status=0
"${KALC_BIN:?no kalc-iac binary}" "${args[@]}" --quiet --no-color \
  --format "sarif=$sarif" --format "markdown=$markdown" --format "json=$json" </dev/null || status=$?

echo "exit-code=$status" >>"$out"
if [[ -f "$json" ]]; then
  echo "sarif=$sarif" >>"$out"
  echo "markdown=$markdown" >>"$out"
  echo "json=$json" >>"$out"
  verdict="$(sed -n 's/^  "verdict": "\([a-z]*\)",$/\1/p' "$json" | head -n 1)"
  echo "verdict=$verdict" >>"$out"
  [[ -n "${GITHUB_STEP_SUMMARY:-}" ]] && cat "$markdown" >>"$GITHUB_STEP_SUMMARY"
  if [[ "${KALC_COMMENT:-}" == "true" && -n "${KALC_PR_NUMBER:-}" ]]; then
    gh api --method POST "repos/${GITHUB_REPOSITORY}/issues/${KALC_PR_NUMBER}/comments" -F "body=@$markdown" >/dev/null \
      || echo "::warning::kalc-iac: could not comment on the pull request (needs permissions: pull-requests: write)"
  fi
fi
exit "$status"
