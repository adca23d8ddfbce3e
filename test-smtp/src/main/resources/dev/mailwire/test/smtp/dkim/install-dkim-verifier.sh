#!/bin/sh
# Installs dkimpy (Debian's python3-dkim, with python3-nacl for Ed25519), the independent DKIM verifier that
# Mailwire's tests run on delivered mail (dev.mailwire.test.smtp.dkim.DkimVerifier). Nothing is configured or
# started: the verifier is a library called by a script that reads public keys from a file, never from DNS.
#
# Idempotent: exits at once when everything is installed. Needs root and apt-get (Debian, Ubuntu).
# Run it by hand on a CI image to pay the install once, e.g. `sudo sh install-dkim-verifier.sh`.
set -eu

PACKAGES="python3-dkim python3-nacl"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $package"
    fi
done
if [ -z "$missing" ]; then
    echo "install-dkim-verifier: already installed:$(printf ' %s' $PACKAGES)"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "install-dkim-verifier: must run as root to install:$missing" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-dkim-verifier: apt-get not found; install these Debian packages by other means:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends $missing \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing; }
echo "install-dkim-verifier: installed$missing"
