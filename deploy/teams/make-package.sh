#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + icons at the zip root) for sideloading:
#   MICROSOFT_APP_ID=<bot app id> BOT_DOMAIN=bot.example.com deploy/teams/make-package.sh [out.zip]
# TEAMS_APP_ID defaults to the bot's app id. Upload the zip in Teams: Apps > Manage your apps > Upload a custom app.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${MICROSOFT_APP_ID:?set MICROSOFT_APP_ID to the app id of the Azure Bot}"
: "${BOT_DOMAIN:?set BOT_DOMAIN to the public host name of the bot (no scheme)}"
export TEAMS_APP_ID=${TEAMS_APP_ID:-$MICROSOFT_APP_ID} MICROSOFT_APP_ID BOT_DOMAIN
out=${1:-$PWD/selfservicebot-teams.zip}
work=$(mktemp -d)
python3 - "$here/manifest.template.json" "$work/manifest.json" <<'PY'
import os, sys
text = open(sys.argv[1]).read()
names = ("TEAMS_APP_ID", "MICROSOFT_APP_ID", "BOT_DOMAIN")
for name in names:
    text = text.replace("${" + name + "}", os.environ[name])
open(sys.argv[2], "w").write(text)
PY
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
(cd "$work" && python3 -m zipfile -c "$out" manifest.json color.png outline.png)
rm -rf "$work"
echo "wrote $out"
