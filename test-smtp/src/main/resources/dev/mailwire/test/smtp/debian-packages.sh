# Sourced, not run: the checks that install-postfix.sh and install-dkim-verifier.sh both make before installing.
# Expects NAME (the script's name, which starts every line it prints) and PACKAGES (Debian packages). Leaves the
# ones dpkg does not list as installed in $missing, and ends the script: with 0 when none is missing, with 1 when
# some are but we are not root or there is no apt-get. Otherwise the script goes on to install $missing.

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $package"
    fi
done
if [ -z "$missing" ]; then
    echo "$NAME: already installed:$(printf ' %s' $PACKAGES)"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "$NAME: must run as root to install:$missing" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "$NAME: apt-get not found; install these Debian packages by other means:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
