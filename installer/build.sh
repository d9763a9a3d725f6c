#!/usr/bin/env bash
# Builds Leverdesk's app-image (trimmed runtime + AOT/CDS cache) and, on request, the .deb, from
# target/leverdesk.jar and target/lib/ (written by `mvn package`). `mvn -Pinstaller package` runs
# this script after packaging; see README.md "Install".
#
#   installer/build.sh              app-image only: target/installer/image/leverdesk
#   installer/build.sh deb          app-image and target/installer/leverdesk_VERSION_amd64.deb
#
# Needs a JDK 21+ with jpackage (JAVA_HOME, else the newest in /usr/lib/jvm; LEVERDESK_JDK
# overrides both); the AOT cache needs JDK 24+ and is trained on the desktop window when
# xvfb-run is installed, on a CLI command otherwise. The .deb needs fakeroot and dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TYPES=${1:-app-image}
OUT=$ROOT/target/installer
NAME=leverdesk

die() { echo "installer: error: $*" >&2; exit 2; }
say() { echo "installer: $*"; }

[ -f target/leverdesk.jar ] && [ -d target/lib ] \
  || die "target/leverdesk.jar or target/lib is missing; run 'mvn -B package -DskipTests' first (or 'mvn -Pinstaller package')"

# --- the JDK whose jlink/jpackage build the image: its JVM is the one bundled -----------------
feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
find_jdk() {
  local best="" bestv=0 home v
  for home in ${LEVERDESK_JDK:-} ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$home/bin/jpackage" ] || continue
    v=$(feature "$home"); v=${v:-0}
    if [ -n "${LEVERDESK_JDK:-}" ] && [ "$home" = "$LEVERDESK_JDK" ] && [ "$v" -ge 21 ]; then echo "$home"; return; fi
    if [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best=$home; bestv=$v; fi
  done
  echo "$best"
}
JDK=$(find_jdk)
[ -n "$JDK" ] || die "no JDK 21+ with jpackage found in LEVERDESK_JDK, JAVA_HOME or /usr/lib/jvm; install one (e.g. apt-get install openjdk-21-jdk) or set LEVERDESK_JDK"
JV=$(feature "$JDK")
say "using $JDK (Java $JV)"

# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
VERSION=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties 2>/dev/null || true)
VERSION=${VERSION%%-*}; VERSION=${VERSION:-0.0.0}

# --- staging: the main jar with its libraries beside it, as its manifest Class-Path expects ----
rm -rf "$OUT"; mkdir -p "$OUT/input/lib" "$OUT/jdeps" "$OUT/image"
cp target/leverdesk.jar "$OUT/input/"
cp target/lib/*.jar "$OUT/input/lib/"

# --- the runtime's modules: what jdeps finds plus what is loaded reflectively --------------------
# Modular jars (JavaFX, TilesFX, Jackson, ...) are analysed as plain class-path jars (their
# module-info removed in a scratch copy), because that is how the launcher loads them and because
# TilesFX's descriptor names javafx.web/media, which are excluded from the build.
cp "$OUT"/input/leverdesk.jar "$OUT"/input/lib/*.jar "$OUT/jdeps/"
for jar in "$OUT"/jdeps/*.jar; do
  zip -q -d "$jar" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
FOUND=$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$JV" \
  --class-path "$OUT/jdeps/*" "$OUT"/jdeps/*.jar)
# java.sql: H2 and Flyway; java.naming: Logback's JNDI lookups; jdk.unsupported: sun.misc.Unsafe
# for JavaFX and JLargeArrays; jdk.crypto.ec: TLS to brokers (an empty alias of java.base on 22+).
EXTRA=java.sql,java.naming,jdk.unsupported,jdk.crypto.ec
MODULES=$(echo "$FOUND,$EXTRA" | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd, -)
echo "$MODULES" > "$OUT/modules.txt"
say "runtime modules: $MODULES"

# --- app-image -----------------------------------------------------------------------------------
COMMON_OPTS=(--enable-native-access=ALL-UNNAMED)
# the window's heap: start small (the default is 1/64 of RAM, 376 MB on 24 GB, which G1 never gives
# back) and the serial collector, which shrinks to what is live; measured in the README, decision 0027
COMMON_OPTS+=(-XX:+UseSerialGC -Xms32m -Xss512k -XX:ReservedCodeCacheSize=64m)
# glibc keeps freed C memory (JavaFX's native side, the JIT) in its arenas; trim it back every 10 s
# (JDK 21+; measured in the README, decision 0030). The same options are in pom.xml's javafx:run.
COMMON_OPTS+=(-XX:TrimNativeHeapInterval=10000)
# the serial collector moves a backtest's short-lived objects to the old generation and frees them only
# at a full collection; the window asks for one when a burst of work is over (HeapCompaction), and this
# lets that collection give the heap back at once (not in 10%/40% steps) (decision 0033)
COMMON_OPTS+=(-XX:-ShrinkHeapInSteps)
# JavaFX 21 still calls sun.misc.Unsafe's memory methods; JDK 24+ warns on the console unless allowed
[ "$JV" -ge 24 ] && COMMON_OPTS+=(--sun-misc-unsafe-memory-access=allow)
# `leverdesk` (the window, the menu entry, and every command): keep the young generation small, cap the
# heap at 512 MB (a 1,681-pair sweep needs < 160 MB, the window ~95 MB live) and C1 only: the C2
# compiler's code, profiles and arenas cost ~50 MB resident; C1-only sweeps take ~1.4x the CPU (decision 0033)
WINDOW_OPTS=(-XX:MaxNewSize=16m -Xmx512m -XX:TieredStopAtLevel=1)
JAVA_OPTS=()
for o in "${COMMON_OPTS[@]}" "${WINDOW_OPTS[@]}"; do JAVA_OPTS+=(--java-options "$o"); done
# `leverdesk-cli`: the same program with the full JIT (C2) and the JVM's default heap cap, for long
# headless work (research sweeps, walk-forward, the daemon on a server), where throughput matters more
# than the window's resident memory (decision 0033)
CLI_PROPS=$OUT/leverdesk-cli.properties
# (no menu entry of its own: the menu opens the window through `leverdesk`)
printf 'java-options=%s\nlinux-shortcut=false\n' "${COMMON_OPTS[*]}" > "$CLI_PROPS"
"$JDK/bin/jpackage" --type app-image --dest "$OUT/image" --name "$NAME" --app-version "$VERSION" \
  @installer/jpackage-common.args \
  --input "$OUT/input" --main-jar leverdesk.jar --main-class org.leverdesk.app.Launcher \
  --add-modules "$MODULES" \
  --jlink-options '--strip-debug --no-header-files --no-man-pages --strip-native-commands' \
  "${JAVA_OPTS[@]}" --icon installer/icons/leverdesk.png --add-launcher "leverdesk-cli=$CLI_PROPS"
IMAGE=$OUT/image/$NAME
CFG=$IMAGE/lib/app/$NAME.cfg
say "app-image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))"

# --- AOT cache (JDK 24+, JEP 483: the AppCDS successor) -------------------------------------------
# A training run records which classes start-up loads and links; the cache is then written next
# to the jars and used read-only (the launcher gets -XX:AOTCache=$APPDIR/leverdesk.aot; the JVM
# ignores a cache that does not match and never writes to the installation). The training run
# uses a scratch data folder, never the builder's.
if [ "$JV" -ge 24 ] && [ "${LEVERDESK_NO_AOT:-}" != 1 ]; then
  CONF=$OUT/train/$NAME.aotconf; mkdir -p "$OUT/train"
  export XDG_DATA_HOME=$OUT/train/data LEVERDESK_LOG_DIR=$OUT/train/logs XDG_CONFIG_HOME=$OUT/train/config
  # an existing (default) config, so the training run opens the main window, not the first-run dialog
  mkdir -p "$XDG_CONFIG_HOME/leverdesk"; echo '{}' > "$XDG_CONFIG_HOME/leverdesk/config.json"
  if command -v xvfb-run >/dev/null 2>&1; then
    say "training the AOT cache on the desktop window (xvfb-run, about 15 s)"
    JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$CONF" \
      xvfb-run -a -s "-screen 0 1600x1000x24" bash installer/train-window.sh "$IMAGE/bin/$NAME" >"$OUT/train/record.log" 2>&1 \
      || die "the AOT training run failed; see $OUT/train/record.log"
  else
    say "no xvfb-run: training the AOT cache on a CLI command only"
    JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$CONF" \
      "$IMAGE/bin/$NAME" calendar --from 2024-01-02 --to 2024-01-05 >"$OUT/train/record.log" 2>&1
  fi
  JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$CONF -XX:AOTCache=$IMAGE/lib/app/$NAME.aot" \
    "$IMAGE/bin/$NAME" >"$OUT/train/create.log" 2>&1 || die "creating the AOT cache failed; see $OUT/train/create.log"
  echo 'java-options=-XX:AOTCache=$APPDIR/'"$NAME"'.aot' >> "$CFG"
  # the command-line launcher reads the same cache; the JVM uses what matches its options and skips the rest
  echo 'java-options=-XX:AOTCache=$APPDIR/'"$NAME"'.aot' >> "$IMAGE/lib/app/leverdesk-cli.cfg"
  # the cache is valid only for jars with the modification times it recorded; jpackage's copy into the .deb
  # gives them the copy's time, so the package's postinst sets these back (without it the installed JVM
  # printed "[error][aot] shared class paths mismatch" on every start and ran without the cache)
  (cd "$IMAGE/lib/app" && find . -name '*.jar' -printf '%T@ %P\n' | sed 's/\.[0-9]* / /' | sort -k2) > "$IMAGE/lib/app/aot-jar-times"
  # AOTMode=on turns "cache unusable" into a start-up error, so this proves the image uses it
  JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$IMAGE/bin/$NAME" calendar --from 2024-01-02 --to 2024-01-03 >/dev/null 2>"$OUT/train/check.log" \
    || die "the app-image does not start with its AOT cache; see $OUT/train/check.log"
  unset XDG_DATA_HOME LEVERDESK_LOG_DIR XDG_CONFIG_HOME
  say "AOT cache: $IMAGE/lib/app/$NAME.aot ($(du -h "$IMAGE/lib/app/$NAME.aot" | cut -f1))"
else
  say "no AOT cache (needs JDK 24+, or LEVERDESK_NO_AOT=1 was set)"
fi

# --- .deb ----------------------------------------------------------------------------------------
if [ "$TYPES" = deb ]; then
  command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null \
    || die "building a .deb needs fakeroot and dpkg-deb (apt-get install fakeroot dpkg-dev)"
  say "building the .deb (about a minute: compression)"
  # jpackage takes the menu icon from the resource folder (<name>.png), not from the app-image;
  # without it the .deb would show the default Java icon
  RES=$OUT/resources; mkdir -p "$RES"
  cp installer/linux/* "$RES/"; cp installer/icons/leverdesk.png "$RES/$NAME.png"
  # jpackage cannot see the native libraries inside the JavaFX jars, so their packages are listed
  # here: GTK 3 (glass), OpenGL (prism es2), XTest (robot), and a font.
  "$JDK/bin/jpackage" --type deb --dest "$OUT" --name "$NAME" --app-version "$VERSION" \
    @installer/jpackage-common.args --app-image "$IMAGE" \
    --license-file LICENSE --resource-dir "$RES" --icon installer/icons/leverdesk.png \
    --linux-package-name "$NAME" --linux-app-category misc \
    --linux-menu-group 'Office;Finance;' --linux-shortcut \
    --linux-deb-maintainer 'leverdesk@users.noreply.github.com' \
    --linux-package-deps 'libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6, fonts-dejavu-core | fonts-liberation'
  say "deb: $(ls "$OUT"/${NAME}_*.deb) ($(du -h "$OUT"/${NAME}_*.deb | cut -f1))"
fi
