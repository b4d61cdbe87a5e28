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
  clang-format clang-tidy clang libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
