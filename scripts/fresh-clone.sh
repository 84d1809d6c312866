#!/usr/bin/env bash
# CONTRIBUTING's two fresh-clone commands as a new user runs them: a fresh clone of this repository's HEAD (committed work
# only), a fresh HOME (empty npm cache, no ~/.npmrc), no .vscode-test/ (code-server is installed anew), an
# environment holding only PATH, HOME, LANG and CI. Then `npm install` and `npm test`, each timed.
# Usage: bash scripts/fresh-clone.sh   (.ci/run runs it after npm test; about 15 minutes on 2 busy cores)
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/release-pages-fresh-XXXXXX")"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
chmod 755 "$work" # mktemp's 0700 would keep out the tests that run the CLI as another user (nobody)
git clone -q "$src" "$work/release-pages"
mkdir "$work/home"
echo "fresh-clone: $(git -C "$work/release-pages" log -1 --format='%h %s') in $work/release-pages, HOME=$work/home"
fresh() {
  (cd "$work/release-pages" && env -i PATH="$PATH" HOME="$work/home" LANG="${LANG:-C.UTF-8}" CI="${CI:-}" "$@")
}
start=$(date +%s)
fresh npm install
installed=$(date +%s)
fresh npm test
done=$(date +%s)
echo "fresh-clone: npm install $((installed - start)) s, npm test $((done - installed)) s, both $((done - start)) s"
