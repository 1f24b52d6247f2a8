#!/usr/bin/env bash
# The one test command: installs what is missing, builds once, runs every suite, prints a summary.
# For Debian 12 with the .NET 10 SDK and Node 20, as root (or a user with sudo for apt-get).
# Exits non-zero if anything fails; a missing suite is a failure, never a silent skip.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Playwright is always handed Debian's Chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

web_project=web/package.json
api_project=tests/Consultation.Tests/Consultation.Tests.csproj
browser_project=tests/Consultation.Browser.Tests/Consultation.Browser.Tests.csproj
debian_packages=(chromium postgresql redis-server coturn iproute2 util-linux)

step() { printf '\n==> %s (%ds)\n' "$*" "$((SECONDS - started))"; }
die() { printf 'tests/run.sh: %s\n' "$*" >&2; exit 1; }

if [ "$#" -gt 0 ]; then
    die "takes no arguments (got: $*); run a single suite with dotnet test or npm test directly"
fi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root or sudo to run: $*"
    fi
}

for tool in dotnet node npm; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not on PATH (this needs the .NET 10 SDK and Node 20)"
done
for project in "$web_project" "$api_project" "$browser_project"; do
    [ -f "$project" ] || die "$project is missing: every suite must exist, none is skipped"
done
for project in "$api_project" "$browser_project"; do
    dotnet sln Consultation.sln list | grep -qxF "$project" \
        || die "$project is not in Consultation.sln, so the build would not build it"
done

step "Debian packages"
missing=()
for package in "${debian_packages[@]}"; do
    dpkg -s "$package" 2>/dev/null | grep -qx 'Status: install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
else
    echo "all present: ${debian_packages[*]}"
fi

# Browser tests run in a network namespace with loopback only (DESIGN.md §7): as root a plain
# `unshare -n`, otherwise one inside a user namespace.
if unshare -n true 2>/dev/null; then
    isolate=(unshare -n)
elif unshare -r -n true 2>/dev/null; then
    isolate=(unshare -r -n)
else
    die "cannot create a network namespace (unshare -n); the browser tests must not run outside one"
fi

step "dotnet tool restore"
dotnet tool restore

step "web packages"
# Same stamp as the server's build uses, so the packages are installed once per lock file change.
if [ ! -f web/node_modules/.install-stamp ] || [ web/package-lock.json -nt web/node_modules/.install-stamp ]; then
    (cd web && npm ci --no-audit --no-fund)
    touch web/node_modules/.install-stamp
else
    echo "web/node_modules is up to date with package-lock.json"
fi

results=$(mktemp -d "${TMPDIR:-/tmp}/consultation-tests.XXXXXX")
trap 'rm -rf "$results"' EXIT
suites=(web api browser)
declare -A title=([web]="web unit tests (vitest)" [api]="API tests (xunit)" [browser]="browser tests (Playwright)")
declare -A passed failed seconds note
for suite in "${suites[@]}"; do passed[$suite]=0 failed[$suite]=0 seconds[$suite]=0 note[$suite]=""; done

# A suite whose report is missing, unreadable or empty counts as one failure.
read_vitest() {
    local counts
    if counts=$(node -e '
        const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTests === 0 ? 1 : 0));
    ' "$1" 2>/dev/null); then
        read -r 'passed[web]' 'failed[web]' <<<"$counts"
    else
        failed[web]=1 note[web]="no report"
    fi
}

counter() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }

read_trx() {
    local suite=$1 counters total executed
    counters=$(grep -o '<Counters [^>]*>' "$results/$suite.trx" 2>/dev/null || true)
    if [ -z "$counters" ]; then
        failed[$suite]=1 note[$suite]="no report"
        return
    fi
    passed[$suite]=$(counter passed "$counters")
    total=$(counter total "$counters") executed=$(counter executed "$counters")
    # Failed, errored, timed out and never run all count as failed; a suite that ran nothing fails too.
    failed[$suite]=$((total - passed[$suite]))
    if [ "$executed" -eq 0 ]; then failed[$suite]=$((failed[$suite] + 1)) note[$suite]="ran no test"; fi
}

# dotnet_test SUITE PROJECT [COMMAND PREFIX...]
dotnet_test() {
    local suite=$1 project=$2
    shift 2
    "$@" dotnet test "$project" --no-build --nologo \
        --results-directory "$results" --logger "trx;LogFileName=$suite.trx" \
        --blame-hang-timeout 5min --blame-hang-dump-type none || true
    read_trx "$suite"
}

step "web unit tests (vitest)"
began=$SECONDS
(cd web && npm test -- --reporter=default --reporter=json --outputFile.json="$results/web.json") || true
read_vitest "$results/web.json"
seconds[web]=$((SECONDS - began))

step "dotnet build Consultation.sln (also builds the web app)"
if dotnet build Consultation.sln -nologo; then
    step "API tests (tests/Consultation.Tests)"
    began=$SECONDS
    dotnet_test api "$api_project"
    seconds[api]=$((SECONDS - began))

    step "browser tests (tests/Consultation.Browser.Tests, loopback-only network namespace)"
    began=$SECONDS
    dotnet_test browser "$browser_project" "${isolate[@]}" sh -c 'ip link set lo up && exec "$@"' isolated
    seconds[browser]=$((SECONDS - began))
else
    for suite in api browser; do failed[$suite]=1 note[$suite]="not run: the build failed"; done
fi

total_passed=0 total_failed=0
printf '\n==> summary\n'
for suite in "${suites[@]}"; do
    printf '  %-28s %4d passed %4d failed %4ds%s\n' "${title[$suite]}" \
        "${passed[$suite]}" "${failed[$suite]}" "${seconds[$suite]}" "${note[$suite]:+  (${note[$suite]})}"
    total_passed=$((total_passed + passed[$suite]))
    total_failed=$((total_failed + failed[$suite]))
done
elapsed=$((SECONDS - started))
printf '  total time %dm%02ds\n' "$((elapsed / 60))" "$((elapsed % 60))"
printf 'Total: %d passed, %d failed\n' "$total_passed" "$total_failed"
[ "$total_failed" -eq 0 ]
