#!/bin/sh
# Installs Debian's Postfix and the Cyrus SASL tools that Mailwire's private test instances need
# (dev.mailwire.test.smtp.postfix.PrivatePostfix), WITHOUT configuring or starting the system's own Postfix:
# the tests run their own instances from their own configuration directories and never use /etc/postfix.
#
# Idempotent: exits at once when everything is installed. Needs root and apt-get (Debian, Ubuntu).
# Run it by hand on a CI image to pay the ~10 s install once, e.g. `sudo sh install-postfix.sh` (it sources
# debian-packages.sh, which must lie next to it or one folder up).
set -eu

NAME=install-postfix
PACKAGES="postfix sasl2-bin libsasl2-modules dovecot-core"

# Extracted from the jar, debian-packages.sh lies next to this script; in the source tree, one folder up.
here=$(dirname "$0"); [ -f "$here/debian-packages.sh" ] || here="$here/.."
. "$here/debian-packages.sh"

# "No configuration": Debian's postinst then writes no /etc/postfix/main.cf, and without main.cf neither the
# SysV script nor the systemd unit starts a system instance (whose default would be inet_interfaces=all).
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections

# invoke-rc.d asks policy-rc.d before starting a package's service; 101 means "forbidden". Docker images ship
# one already; elsewhere put one in place for the duration of the install only.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# temporary, from Mailwire install-postfix.sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
fi

# Postfix conflicts with every other MTA (exim4 is Debian's default): never let apt remove one silently.
simulate() { apt-get install -s -q --no-install-recommends $missing 2>&1; }
plan=$(simulate) || { apt-get update -q >/dev/null; plan=$(simulate) || { echo "$plan" >&2; exit 1; }; }
if echo "$plan" | grep -q '^Remv '; then
    echo "install-postfix: installing$missing would remove packages (another MTA?); not doing it:" >&2
    echo "$plan" | grep '^Remv ' >&2
    exit 1
fi
apt-get install -y -q --no-install-recommends $missing

# On a host booted with systemd, keep the (unconfigured) system instance from starting at a later boot.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now postfix.service >/dev/null 2>&1 || true
fi
echo "install-postfix: installed$missing"
