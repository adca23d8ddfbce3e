#!/bin/sh
# Installs dkimpy (Debian's python3-dkim, with python3-nacl for Ed25519), the independent DKIM verifier that
# Mailwire's tests run on delivered mail (dev.mailwire.test.smtp.dkim.DkimVerifier). Nothing is configured or
# started: the verifier is a library called by a script that reads public keys from a file, never from DNS.
#
# Idempotent: exits at once when everything is installed. Needs root and apt-get (Debian, Ubuntu).
# Run it by hand on a CI image to pay the install once, e.g. `sudo sh install-dkim-verifier.sh` (it sources
# debian-packages.sh, which must lie next to it or one folder up).
set -eu

NAME=install-dkim-verifier
PACKAGES="python3-dkim python3-nacl"

# Extracted from the jar, debian-packages.sh lies next to this script; in the source tree, one folder up.
here=$(dirname "$0"); [ -f "$here/debian-packages.sh" ] || here="$here/.."
. "$here/debian-packages.sh"
apt-get install -y -q --no-install-recommends $missing \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing; }
echo "install-dkim-verifier: installed$missing"
