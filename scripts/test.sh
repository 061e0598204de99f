#!/usr/bin/env bash
# Runs every LivingLab test: installs what is missing (apt: postgresql, chromium, fonts-ipafont-gothic),
# starts a throwaway PostgreSQL on 127.0.0.1, runs the whole solution's tests and ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

missing=()
for package in postgresql chromium fonts-ipafont-gothic; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

pg_dir=$(mktemp -d /tmp/livinglab-pg.XXXXXX)
cleanup() {
  "$root/scripts/pg.sh" stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
LIVINGLAB_TEST_POSTGRES=$("$root/scripts/pg.sh" start "$pg_dir" | tail -n 1)
export LIVINGLAB_TEST_POSTGRES
echo "test.sh: PostgreSQL at $LIVINGLAB_TEST_POSTGRES" >&2

log=$(mktemp /tmp/livinglab-test.XXXXXX.log)
dotnet build LivingLab.sln -c Debug -nologo -clp:ErrorsOnly >&2
set +e
dotnet test LivingLab.sln --no-build -c Debug --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one summary per test assembly ("Passed!  - Failed: 0, Passed: 34, ..."): add them up.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
assemblies=$(grep -Ec '^(Passed|Failed)! ' "$log" || true)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A crash or a build failure ran no test to count: report it as a failure rather than a green line.
  failed=1
fi
if [ "$assemblies" -lt 2 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: expected results from LivingLab.Tests and LivingLab.Web.Tests, got $assemblies" >&2
  status=1
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
exit "$status"
