# Sourced by the setup scripts: apt_need NAME [--no-install-recommends] PACKAGE... installs, from Debian's
# registry, the packages not installed yet (nothing to do: no apt at all, well under a second).
apt_need() {
  local name="$1"; shift
  local options=() need=()
  for p in "$@"; do
    if [[ "$p" == --* ]]; then options+=("$p"); continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
  done
  [ ${#need[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "$name: apt-get install ${need[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${options[@]}" "${need[@]}" >/dev/null
}
