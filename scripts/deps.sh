# Shared by scripts/run and scripts/test: install what is missing from Debian's packages.
# Sourced, not run.

# The packages Clause builds and tests with (pybind11 and Python's headers: the Python module).
CLAUSE_PACKAGES=(cmake make g++ pkgconf tao-pegtl-dev libfmt-dev catch2 libcli11-dev nlohmann-json3-dev
  pybind11-dev python3-dev)
# And what the fuzz build needs: clang and its libFuzzer/sanitizer runtimes (only
# recommended by clang, so named here).
CLAUSE_FUZZ_PACKAGES=(clang libclang-rt-14-dev)
# And what the browser test of `clause report` needs (tests/browser): Debian's Chromium, a
# CJK font for the Chinese pages, and Node.js with npm for puppeteer-core (npm's registry;
# it drives the system browser and downloads none).
CLAUSE_BROWSER_PACKAGES=(chromium fonts-noto-cjk)
CLAUSE_NODE_PACKAGES=(nodejs npm)

missing_packages() {
  local missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  echo "${missing[@]}"
}

# ensure_packages PKG...: installs the missing ones with apt-get when root; otherwise says
# which to install and stops.
ensure_packages() {
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing from Debian's packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Clause needs these Debian packages: $missing" >&2
    echo "Install them with: sudo apt-get install $missing" >&2
    exit 2
  fi
}

# ensure_browser_test: Chromium and the CJK font, Node.js and npm unless a node and an npm
# are already on PATH, then tests/browser's locked npm packages. Run before configuring:
# the build registers the browser test only when they are there.
ensure_browser_test() {
  ensure_packages "${CLAUSE_BROWSER_PACKAGES[@]}"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    ensure_packages "${CLAUSE_NODE_PACKAGES[@]}"
  fi
  if [ ! -d tests/browser/node_modules/puppeteer-core ] ||
     [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
    echo "Installing tests/browser's npm packages (puppeteer-core)"
    (cd tests/browser && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# configure_sanitized_build: build-fuzz/, with clang, AddressSanitizer and UndefinedBehavior-
# Sanitizer on everything, the libFuzzer targets and the test suite. One build serves both
# scripts/test (the suite under the sanitizers) and scripts/fuzz: the libraries carry the
# fuzzers' coverage instrumentation, which outside a fuzzer costs little and does nothing.
# -O1 with line tables only: a readable stack for every finding, at half the compile time of
# -O2 with full debug information.
configure_sanitized_build() {
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DCLAUSE_SANITIZE=ON -DCLAUSE_BUILD_FUZZ=ON -DCLAUSE_BUILD_TESTS=ON -DCMAKE_UNITY_BUILD=ON >/dev/null
}
