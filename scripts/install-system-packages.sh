#!/usr/bin/env bash
# Debian packages the test suite needs: PostgreSQL (server tests), Chromium and fonts for
# every script we show (browser tests), xmllint (IATI XML validation). Idempotent.
set -euo pipefail
packages=(postgresql chromium fonts-liberation fonts-noto-core fonts-noto-cjk libxml2-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${missing[*]} (run as root: apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system packages: installed"
