# Sourced by run.sh and test.sh: installs the Debian packages that are
# missing, or says exactly how to when not root.

rf_install_debian_packages () {
  local list="$1"
  local wanted missing=()

  wanted=$(grep -v '^\s*#' "$list" | grep -v '^\s*$')
  for package in $wanted; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done

  [ ${#missing[@]} -eq 0 ] && return 0

  if [ "$(id -u)" = 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q || return 1
    apt-get install -y -q --no-install-recommends "${missing[@]}" || return 1
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" || return 1
  else
    echo "These Debian packages are missing. Install them with:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
}
