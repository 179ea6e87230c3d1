#!/usr/bin/env sh
# wirelab launcher: builds your servers with Maven when a source or pom is newer than their last build,
# then runs the grader (tools/wirelab.jar) with them on the class path, where it finds each starter
# through its META-INF/wirelab/implementations.properties.
#   ./wirelab grade lab01 --impl starter
#   ./wirelab list
#   ./wirelab --rebuild ...      forces a rebuild first
set -eu
here=$(cd "$(dirname "$0")" && pwd)

# The jar Maven built for a module (harness/api, labs/common, a starter), if there is one.
module_jar() {
  for jar in "$1"/target/*.jar; do
    if [ -f "$jar" ]; then
      printf '%s\n' "$jar"
      return 0
    fi
  done
  return 1
}

# True when a module has no jar yet, or a source, pom or .mvn setting is newer than its jar.
stale() {
  for module in "$here/harness/api" "$here/labs/common" "$here"/labs/*/starter; do
    [ -d "$module" ] || continue # labs/common comes with the first lab that builds on it
    jar=$(module_jar "$module") || return 0
    if [ -n "$(find "$here/pom.xml" "$here/.mvn" "$module/pom.xml" "$module/src/main" -newer "$jar" -type f \
        -print 2>/dev/null | head -n 1)" ]; then
      return 0
    fi
  done
  return 1
}

rebuild=no
if [ "${1:-}" = "--rebuild" ]; then
  shift
  rebuild=yes
elif stale; then
  rebuild=yes
fi
if [ "$rebuild" = yes ]; then
  echo "wirelab: building your servers (mvn package)..." >&2
  log=$(mktemp)
  if ! (cd "$here" && mvn -B -DskipTests package) > "$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "wirelab: the build failed; the Maven output is above" >&2
    exit 2
  fi
  rm -f "$log"
  # Maven leaves a jar alone when its classes did not change; marking each jar as built now keeps a
  # touched pom from triggering a rebuild on every run.
  for module in "$here/harness/api" "$here/labs/common" "$here"/labs/*/starter; do
    jar=$(module_jar "$module") && touch "$jar"
  done
fi

classpath="$here/tools/wirelab.jar"
for module in "$here/harness/api" "$here/labs/common" "$here"/labs/*/starter; do
  [ -d "$module" ] || continue
  classpath="$classpath:$(module_jar "$module")"
done
exec java -cp "$classpath" dev.wirelab.cli.WirelabCommand "$@"
