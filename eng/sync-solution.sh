#!/usr/bin/env bash
# Rewrites Flywheel.slnx so that it lists every project in the repository, grouped by folder.
# Run it after adding a project; eng/test.sh fails when the solution is out of date.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
{
  echo '<Solution>'
  find packages samples fuzz eng -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' 2>/dev/null \
    | LC_ALL=C sort | awk -F/ '
      { dir = $1; if ($1 == "packages") dir = $1 "/" $2;
        if (dir != last) { if (last != "") print "  </Folder>"; print "  <Folder Name=\"/" dir "/\">"; last = dir }
        print "    <Project Path=\"" $0 "\" />" }
      END { if (last != "") print "  </Folder>" }'
  echo '</Solution>'
} > Flywheel.slnx.tmp
mv Flywheel.slnx.tmp Flywheel.slnx
