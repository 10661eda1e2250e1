#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# run.sh BUILD_DIR: installs esdk-obs-nodejs (pinned) into BUILD_DIR/obs-node with npm, then runs the round
# trip against the emulator that scripts/with-emulator started. No node: skipped (exit 77) with a message.
# Node without npm, or an install failure: the test FAILS loudly (never passes silently).
set -euo pipefail
build_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
version=3.26.8
if ! command -v node >/dev/null; then
  echo "SKIPPED: node is not installed, so the esdk-obs-nodejs round trip cannot run" >&2
  exit 77
fi
if ! command -v npm >/dev/null; then
  echo "FAILED: node is installed but npm is not; install npm (Debian: apt-get install npm)" >&2
  exit 1
fi
prefix=$build_dir/obs-node
if [ ! -f "$prefix/node_modules/esdk-obs-nodejs/package.json" ] ||
   ! grep -q "\"version\": \"$version\"" "$prefix/node_modules/esdk-obs-nodejs/package.json"; then
  mkdir -p "$prefix"
  if ! npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "esdk-obs-nodejs@$version"; then
    echo "FAILED: npm could not install esdk-obs-nodejs@$version" >&2
    exit 1
  fi
fi
NODE_PATH=$prefix/node_modules exec node "$here/esdk_round_trip.js"
