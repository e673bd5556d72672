#!/usr/bin/env bash
# Packs every shipping package (packages/*/src/*.csproj) into artifacts/packages: one .nupkg and
# one .snupkg each, versioned independently from the package's own version.json.
#   eng/pack.sh [--public-release]   (public release: no -g<commit> suffix; use on a release tag)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
extra=()
[[ ${1-} == --public-release ]] && extra+=(-p:PublicRelease=true)
if [[ $(git rev-parse --is-shallow-repository 2>/dev/null) == true ]]; then
  echo "pack: shallow clone; versions need full history (git fetch --unshallow)" >&2
  exit 1
fi
out="$root/artifacts/packages"
rm -rf "$out"; mkdir -p "$out"
status=0
for project in packages/*/src/*.csproj; do
  dotnet pack "$project" -c Release -nologo -v quiet -clp:ErrorsOnly -o "$out" "${extra[@]}" \
    || { echo "pack: $project FAILED" >&2; status=1; }
done
ls -1 "$out"
exit $status
