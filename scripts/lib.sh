# Shared by scripts/run and scripts/test: install what is missing, configure and build.
# Sourced, not run. Works as root or as a user with sudo, on Debian 12.

MODELDESK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODELDESK_BUILD=${MODELDESK_BUILD:-$MODELDESK_ROOT/build}

BUILD_PACKAGES=(build-essential cmake ninja-build ccache qt6-base-dev qt6-svg-dev libgl-dev
                libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql xvfb xauth)
SERVER_PACKAGES=(postgresql mariadb-server)
# The export tests run exported files through the real tools: the engines' command-line clients
# (postgresql and mariadb-server bring psql and mariadb) and Node.js + npm for Sequelize, DBML and Mermaid.
# The test build also compiles bench/ (so an API change cannot break it unseen), which compares against the
# native client libraries.
TEST_PACKAGES=(sqlite3 pkg-config libsqlite3-dev libpq-dev)
# The .deb (scripts/package) and its test (tests/package): CPack runs dpkg-shlibdeps (dpkg-dev) and strips with
# binutils; the launcher, AppStream and MIME files go through their validators; the installed app is checked with
# xdg-mime (whose generic mode asks `mimetype`, from libfile-mimeinfo-perl, for a file's type), man and xprop.
# qt6-qpa-plugins is one of the package's own dependencies, here so that installing the .deb needs no download.
PACKAGE_PACKAGES=(dpkg-dev binutils file gzip groff-base man-db desktop-file-utils appstream libxml2-utils
                  shared-mime-info xdg-utils libfile-mimeinfo-perl x11-utils qt6-qpa-plugins)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the named Debian packages that are not installed yet; does nothing when all are there.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "modeldesk: installing ${missing[*]}" >&2
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# Node.js and npm, unless both commands are already there (e.g. from NodeSource's nodejs, which bundles npm
# and conflicts with Debian's npm package).
ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null && return 0
  ensure_packages nodejs npm
}

# Configures (once, and again when MODELDESK_CMAKE_ARGS sets options) and builds every target.
build_modeldesk() {
  if [ ! -f "$MODELDESK_BUILD/build.ninja" ] || [ -n "${MODELDESK_CMAKE_ARGS:-}" ]; then
    cmake -S "$MODELDESK_ROOT" -B "$MODELDESK_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      ${MODELDESK_CMAKE_ARGS:-} >&2
  fi
  cmake --build "$MODELDESK_BUILD" -j "$(nproc)" >&2
}
