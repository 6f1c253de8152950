#!/usr/bin/env bash
# Builds the Teams app package (manifest.json, the zh-cn localization and the icons at the zip root) for upload:
#   MICROSOFT_APP_ID=<bot app id> BOT_DOMAIN=bot.example.com deploy/teams/make-package.sh [options] [out.zip]
# Options (or the environment variable in brackets):
#   --version X.Y.Z        the app's version [TEAMS_APP_VERSION]; default 1.0.<number of commits>, so every build of a
#                          newer commit can replace the uploaded app (Teams wants a higher version for an update)
#   --scopes LIST          comma-separated bot scopes [TEAMS_SCOPES]; default "personal". team and groupChat are opt-in:
#                          in them a customer's support chat, with the contact details they give, is seen by everyone there
#   --out FILE             where to write the zip (default ./selfservicebot-teams.zip; a lone argument is the same)
# TEAMS_APP_ID defaults to the bot's app id. MICROSOFT_APP_ID is the botAppId output of deploy/azure/main.bicep.
# Upload the zip in Teams: Apps > Manage your apps > Upload a custom app.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
version=${TEAMS_APP_VERSION:-}
scopes=${TEAMS_SCOPES:-personal}
out=$PWD/selfservicebot-teams.zip
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=${2:?--version needs a value}; shift 2 ;;
    --scopes) scopes=${2:?--scopes needs a value}; shift 2 ;;
    --out) out=${2:?--out needs a value}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    *) out=$1; shift ;;
  esac
done
: "${MICROSOFT_APP_ID:?set MICROSOFT_APP_ID to the app id of the Azure Bot}"
: "${BOT_DOMAIN:?set BOT_DOMAIN to the public host name of the bot (no scheme)}"
if [ -z "$version" ]; then
  commits=$(git -C "$here" rev-list --count HEAD 2>/dev/null || echo 0)
  version=1.0.$commits
fi
case "$out" in /*) ;; *) out=$PWD/$out ;; esac
export TEAMS_APP_ID=${TEAMS_APP_ID:-$MICROSOFT_APP_ID} MICROSOFT_APP_ID BOT_DOMAIN TEAMS_APP_VERSION=$version TEAMS_SCOPES=$scopes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$here" "$work" <<'PY'
import json, os, re, sys
here, work = sys.argv[1], sys.argv[2]
def fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)
env = os.environ
guid = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
for name in ("MICROSOFT_APP_ID", "TEAMS_APP_ID"):
    if not guid.match(env[name]):
        fail(f"{name} must be a GUID (an Entra ID app or managed identity client id), not '{env[name]}'")
if not re.match(r"^(?!-)[A-Za-z0-9.-]+(:[0-9]+)?$", env["BOT_DOMAIN"]):
    fail(f"BOT_DOMAIN must be a host name without scheme or path, e.g. bot.example.com, not '{env['BOT_DOMAIN']}'")
# Teams takes MAJOR.MINOR.PATCH (semver without pre-release or build parts), each without leading zeros.
if not re.match(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", env["TEAMS_APP_VERSION"]):
    fail(f"the version must be MAJOR.MINOR.PATCH, e.g. 1.4.0, not '{env['TEAMS_APP_VERSION']}'")
known = ["personal", "team", "groupChat"]
scopes = [s.strip() for s in env["TEAMS_SCOPES"].split(",") if s.strip()]
if not scopes or any(s not in known for s in scopes) or len(set(scopes)) != len(scopes):
    fail(f"scopes must be a comma-separated list of {', '.join(known)}, each once, not '{env['TEAMS_SCOPES']}'")

text = open(os.path.join(here, "manifest.template.json"), encoding="utf-8").read()
for name in ("TEAMS_APP_ID", "MICROSOFT_APP_ID", "BOT_DOMAIN", "TEAMS_APP_VERSION"):
    text = text.replace("${" + name + "}", env[name])
manifest = json.loads(text)
bot = manifest["bots"][0]
bot["scopes"] = scopes
# One command list per scope, as the schema asks; the template's list is the personal one.
commands = bot["commandLists"][0]["commands"]
bot["commandLists"] = [{"scopes": [scope], "commands": commands} for scope in scopes]
with open(os.path.join(work, "manifest.json"), "w", encoding="utf-8") as f:
    json.dump(manifest, f, ensure_ascii=False, indent=2)

for language in manifest["localizationInfo"]["additionalLanguages"]:
    strings = json.load(open(os.path.join(here, language["file"]), encoding="utf-8"))
    localized = {}
    for key, value in strings.items():
        if key.startswith("bots[0].commandLists[0]."):
            for index in range(len(scopes)):
                localized[key.replace("commandLists[0]", f"commandLists[{index}]", 1)] = value
        else:
            localized[key] = value
    with open(os.path.join(work, language["file"]), "w", encoding="utf-8") as f:
        json.dump(localized, f, ensure_ascii=False, indent=2)
PY
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
(cd "$work" && python3 -m zipfile -c "$out" manifest.json zh-cn.json color.png outline.png)
echo "wrote $out (version $version, scopes $scopes)"
