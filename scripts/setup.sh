#!/usr/bin/env bash
# Installs every Debian 12 package primsim needs to build, test and inspect results.
# Idempotent: when everything is installed it only checks, in well under a second.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git
  libboost-graph-dev libboost-math-dev libtbb-dev libyaml-cpp-dev libhdf5-dev catch2 libfmt-dev
  nlohmann-json3-dev libcli11-dev librandom123-dev libbenchmark-dev libopenmpi-dev openmpi-bin
  python3 python3-h5py python3-pandas hdf5-tools chromium r-cran-hdf5r
  pybind11-dev python3-dev python3-pytest jupyter-nbconvert python3-nbconvert python3-ipykernel
  libcpp-httplib-dev pkg-config nodejs
  clang-format clang-tidy clang libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages are installed"
else
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm comes with some builds of Node.js; Debian's own nodejs needs Debian's npm beside it.
if ! command -v npm >/dev/null; then
  echo "setup: installing npm"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends npm
fi

# The browser test of `primsim serve` drives Debian's chromium with puppeteer-core, installed from
# the committed lockfile; again only when the lockfile changed since the last install.
serve_tests="$(dirname "$0")/../tests/serve"
if [[ ! -f "$serve_tests/node_modules/.package-lock.json" ||
      "$serve_tests/package-lock.json" -nt "$serve_tests/node_modules/.package-lock.json" ]]; then
  echo "setup: npm ci in tests/serve"
  (cd "$serve_tests" && npm ci --no-audit --no-fund --loglevel=error)
fi
