#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image from this zip:
# https://gradescope-autograders.readthedocs.io/en/latest/specs/
# It installs a JDK 17 and Maven, creates the unprivileged user the student's server runs as, and
# fetches every plugin and dependency the grading build uses, so run_autograder builds offline.
#   WIRELAB_SKIP_APT=1  skip packages and user (a machine that has a JDK and Maven already)
#   WIRELAB_OFFLINE=1   fetch nothing: prove the local Maven repository already holds everything
set -euo pipefail
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$SOURCE/bundle.env"
chmod +x "$SOURCE/run_autograder"

# True when 'mvn' is Maven 3.8 or newer, what the build's enforcer rule asks for.
maven_is_recent() {
  local version major minor
  version="$(mvn -v 2>/dev/null | sed -n 's/^Apache Maven \([0-9]*\)\.\([0-9]*\).*/\1 \2/p' | head -1)"
  [ -n "$version" ] || return 1
  read -r major minor <<< "$version"
  [ "$major" -gt 3 ] || { [ "$major" -eq 3 ] && [ "$minor" -ge 8 ]; }
}

if [ "${WIRELAB_SKIP_APT:-0}" != 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven ca-certificates curl
  for java in /usr/lib/jvm/java-17-openjdk-*/bin/java; do
    if [ -x "$java" ]; then update-alternatives --set java "$java" || true; fi
  done
  if ! maven_is_recent; then
    # Ubuntu before 24.04 packages Maven 3.6: take the release from Maven Central instead.
    curl -fsSL "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$BUNDLE_MAVEN_FALLBACK_VERSION/apache-maven-$BUNDLE_MAVEN_FALLBACK_VERSION-bin.tar.gz" \
      | tar -xz -C /opt
    ln -sf "/opt/apache-maven-$BUNDLE_MAVEN_FALLBACK_VERSION/bin/mvn" /usr/local/bin/mvn
    hash -r
  fi
  if ! id "$BUNDLE_STUDENT_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$BUNDLE_STUDENT_USER"
  fi
fi
java -version
mvn -v

# The same build run_autograder runs, with one class in place of the student's sources, so the compiler
# and every plugin it loads are fetched now.
PRIME="$(mktemp -d "${TMPDIR:-/tmp}/wirelab-setup.XXXXXX")"
trap 'rm -rf "$PRIME"' EXIT
cp -R "$SOURCE/skeleton/." "$PRIME/"
mkdir -p "$PRIME/$BUNDLE_STARTER_MODULE/src/main/java"
echo 'class WirelabPrime {}' > "$PRIME/$BUNDLE_STARTER_MODULE/src/main/java/WirelabPrime.java"
OFFLINE=""
if [ "${WIRELAB_OFFLINE:-0}" = 1 ]; then OFFLINE="-o"; fi
(cd "$PRIME" && MAVEN_OPTS="$BUNDLE_MAVEN_OPTS" mvn $OFFLINE -B -q $BUNDLE_MAVEN_ARGS)
echo "setup done: $BUNDLE_LAB builds offline"
