#!/usr/bin/env bash
# Packs the `levy` .NET tool into ./artifacts (or the folder given): the pointer package `levy`, the Native AOT package
# for this Linux x64 machine `levy.linux-x64` (it needs clang and zlib: `apt-get install clang zlib1g-dev`), and the
# portable framework-dependent package `levy.any` that other platforms install. Then:
#   dotnet tool install --global levy --add-source ./artifacts
# docs/install.md says what each package holds.
set -euo pipefail
cd "$(dirname "$0")"
out=$(realpath -m "${1:-artifacts}")
mkdir -p "$out"
if ! command -v clang >/dev/null 2>&1; then
  echo "pack-tool.sh: Native AOT needs clang and zlib (apt-get install clang zlib1g-dev); packing the portable package only." >&2
  dotnet pack src/Levy.Cli -c Release -o "$out" -p:PublishAot=false -p:ToolPackageRuntimeIdentifiers= 
  exit 0
fi
echo "Packing levy (pointer), levy.linux-x64 (Native AOT, a few minutes) and levy.any (portable) into $out"
dotnet pack src/Levy.Cli -c Release -o "$out"
dotnet pack src/Levy.Cli -c Release -r linux-x64 -o "$out"
dotnet pack src/Levy.Cli -c Release -r any -p:PublishAot=false -o "$out"
ls -l "$out"/levy*.nupkg
