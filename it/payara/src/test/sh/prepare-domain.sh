#!/bin/sh
# Prepares the test domain with the operator's script, then stops it again: Arquillian starts it for the tests.
# Usage: prepare-domain.sh <payara home> <domain> <deploy dir with mailwire.rar, glassfish-resources.xml and the
# .asadmin files>. The domain is stopped whatever happens, so no server outlives this step.
set -eu
asadmin="$1/bin/asadmin"
domain="$2"
deploy="$3"

cd "$deploy"
trap '"$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true' EXIT
"$asadmin" start-domain --prebootcommandfile="$deploy/loopback.asadmin" "$domain"
"$asadmin" multimode --file "$deploy/payara-mailwire.asadmin"
"$asadmin" multimode --file "$deploy/test-server.asadmin"
