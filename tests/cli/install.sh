#!/usr/bin/env bash
# `cmake --install` into a staging prefix and with DESTDIR: every file in its
# standard place, the installed binary finds its data relative to its prefix
# (also after the prefix is moved), and CPack's .deb declares its dependencies.
. "$(dirname "$0")/lib.sh"
BUILD=${OMSKPLAN_BUILD_DIR:?set OMSKPLAN_BUILD_DIR to the build tree}
STAGE="$TMP/stage"
cmake --install "$BUILD" --prefix "$STAGE" >"$TMP/install.log" 2>&1
rc=$?
expect_rc 0
for f in bin/omskplan share/man/man1/omskplan.1.gz share/man/ru/man1/omskplan.1.gz share/bash-completion/completions/omskplan \
  share/zsh/vendor-completions/_omskplan share/fish/vendor_completions.d/omskplan.fish \
  share/omskplan/templates/city-day.toml share/omskplan/reports/monthly-plan.toml share/omskplan/calendar/2024.toml \
  share/doc/omskplan/README.md share/doc/omskplan/LICENSE share/doc/omskplan/exit-codes.md \
  share/doc/omskplan/examples/cron/crontab; do
  if [ -f "$STAGE/$f" ]; then pass; else fail "not installed: $f"; fi
done

check_installed() {  # PREFIX: the binary there uses that prefix's data, nothing from the sources
  local prefix=$1
  BIN="$prefix/bin/omskplan" run template list
  expect_rc 0
  if grep -aq "$prefix/share/omskplan/templates/city-day.toml" "$TMP/out"; then pass; else fail "templates not from $prefix"; fi
  if grep -aq "$SRC/examples" "$TMP/out"; then fail "installed binary reads the source tree"; else pass; fi
  BIN="$prefix/bin/omskplan" run report list
  if grep -aq "$prefix/share/omskplan/reports/monthly-plan.toml" "$TMP/out"; then pass; else fail "reports not from $prefix"; fi
  BIN="$prefix/bin/omskplan" run --db "$TMP/installed.db" event new --template city-day --date 2024-08-03
  expect_rc 0
  BIN="$prefix/bin/omskplan" run --db "$TMP/installed.db" event list --year 2024 --json
  expect_out '"title": "День города'
  rm -f "$TMP/installed.db"*
}
check_installed "$STAGE"
mv "$STAGE" "$TMP/moved"
check_installed "$TMP/moved"
# No path of the build is compiled in: the binary alone, away from any share/, knows no
# shipped template (it looks only in its prefix and the user's directories).
mkdir -p "$TMP/lonely/bin"
cp "$TMP/moved/bin/omskplan" "$TMP/lonely/bin/"
BIN="$TMP/lonely/bin/omskplan" run template list
if grep -aq "city-day" "$TMP/out"; then fail "a lone binary found templates: $(head -c 200 "$TMP/out")"; else pass; fi

# DESTDIR, as packagers install.
DESTDIR="$TMP/dest" cmake --install "$BUILD" --prefix /usr >>"$TMP/install.log" 2>&1
if [ -x "$TMP/dest/usr/bin/omskplan" ] && [ -f "$TMP/dest/usr/share/man/man1/omskplan.1.gz" ]; then pass; else
  fail "DESTDIR install"
fi
check_installed "$TMP/dest/usr"
if need man; then
  warnings=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$TMP/dest/usr/share/man/man1/omskplan.1.gz" 2>&1 >/dev/null)
  expect_eq "$warnings" "" "installed page renders cleanly"
fi

# The Debian package (needs dpkg-deb and dpkg-shlibdeps: dpkg-dev).
if need cpack dpkg-shlibdeps file; then
  (cd "$TMP" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$TMP/pkg") >"$TMP/cpack.log" 2>&1
  deb=$(ls "$TMP"/pkg/omskplan_*_amd64.deb 2>/dev/null | head -1)
  if [ -n "$deb" ]; then pass; else fail "no .deb: $(tail -5 "$TMP/cpack.log")"; fi
  if [ -n "$deb" ]; then
    depends=$(dpkg-deb -f "$deb" Depends)
    case "$depends" in *libc6*tzdata* | *tzdata*libc6*) pass ;; *) fail "Depends: $depends" ;; esac
    case "$depends" in *libxlsxwriter4*) pass ;; *) fail "Depends lacks libxlsxwriter4 (dlopen'ed): $depends" ;; esac
    expect_eq "$(dpkg-deb -f "$deb" Package)" omskplan
    dpkg-deb -c "$deb" >"$TMP/contents"
    for f in ./usr/bin/omskplan ./usr/share/man/man1/omskplan.1.gz ./usr/share/man/ru/man1/omskplan.1.gz \
      ./usr/share/bash-completion/completions/omskplan \
      ./usr/share/omskplan/templates/city-day.toml ./usr/share/doc/omskplan/README.md; do
      if grep -qF " $f" "$TMP/contents"; then pass; else fail ".deb lacks $f"; fi
    done
    # The packaged binary runs from where it is unpacked.
    dpkg-deb -x "$deb" "$TMP/unpacked"
    check_installed "$TMP/unpacked/usr"
  fi
else
  echo "cpack or dpkg-shlibdeps missing: the .deb check is skipped"
fi
