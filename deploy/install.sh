#!/usr/bin/env bash
# Install (or update, or remove) the kiosk terminal on a Debian 12 machine: the `kiosk` system user, the
# application in /opt/kiosk, its settings in /etc/kiosk, its data in /var/lib/kiosk, the systemd unit with its
# PAM service and the journal's limits. docs/operations.md is the operator's guide.
#
#   sudo deploy/install.sh                       install or update from dist/kiosk (the PyInstaller build)
#   sudo deploy/install.sh --build               build dist/kiosk from this repository first (kiosk.spec), then install
#   sudo deploy/install.sh --bundle DIR          install the build in DIR (a release's kiosk/ folder)
#   sudo deploy/install.sh --root DIR            install into a staging root (DIR/etc/passwd must exist): files and
#                                                the user only, nothing started
#   sudo deploy/install.sh --no-start            install, enable, but do not (re)start the terminal now
#   sudo deploy/install.sh --remove              remove the application and the units; /etc/kiosk and
#                                                /var/lib/kiosk (undelivered submissions!) and the user are kept
#
# Running it again is safe: an existing /etc/kiosk/kiosk.toml is never overwritten (only its owner and mode are
# put right), the previous application is kept as /opt/kiosk.previous, and the terminal is restarted.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
USER_NAME=kiosk
DEVICE_GROUPS=(video render dialout audio lp plugdev)  # as kiosk.service's SupplementaryGroups=

ARGS="$*"
ROOT=""
BUNDLE=""
BUILD=0
START=1
REMOVE=0

say() { printf 'install: %s\n' "$*"; }
die() {
    printf 'install: error: %s\n' "$*" >&2
    exit 1
}
usage() {
    sed -n '2,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
    exit "${1:-0}"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --root) ROOT=${2:?--root needs a directory}; shift 2 ;;
        --bundle) BUNDLE=${2:?--bundle needs a directory}; shift 2 ;;
        --build) BUILD=1; shift ;;
        --no-start) START=0; shift ;;
        --remove) REMOVE=1; shift ;;
        -h | --help) usage 0 ;;
        *) printf 'install: unknown option %s\n' "$1" >&2; usage 2 ;;
    esac
done

if [ "$(id -u)" -ne 0 ]; then
    die "must run as root: it creates the kiosk user and writes /opt, /etc and /var/lib (sudo $0 $ARGS)"
fi
if [ -n "$ROOT" ]; then
    case "$ROOT" in /*) ;; *) die "--root needs an absolute path, got $ROOT" ;; esac
    ROOT=${ROOT%/}
    [ -f "$ROOT/etc/passwd" ] || die "--root $ROOT is not a system root (no $ROOT/etc/passwd)"
fi

# Staging roots use the accounts database under ROOT (useradd --root); files are owned by number from it.
account_args=()
[ -n "$ROOT" ] && account_args=(--root "$ROOT")
systemd_running() { [ -z "$ROOT" ] && [ -d /run/systemd/system ]; }
systemctl_offline() { systemctl --root="${ROOT:-/}" "$@"; }
field() { awk -F: -v name="$2" '$1 == name { print $'"$3"' }' "$ROOT/etc/$1"; }

UNIT=$ROOT/etc/systemd/system/kiosk.service
NIGHTLY=$ROOT/etc/systemd/system/kiosk-nightly-restart
PAM=$ROOT/etc/pam.d/kiosk
JOURNALD=$ROOT/etc/systemd/journald.conf.d/kiosk.conf
COMMAND=$ROOT/usr/local/bin/kiosk
DOCS=$ROOT/usr/local/share/doc/kiosk
APP=$ROOT/opt/kiosk

if [ "$REMOVE" -eq 1 ]; then
    if systemd_running; then
        systemctl disable --now kiosk.service kiosk-nightly-restart.timer || true
    elif [ -e "$UNIT" ]; then
        systemctl_offline disable kiosk.service kiosk-nightly-restart.timer 2>/dev/null || true
    fi
    rm -rf "$APP" "$ROOT/opt/kiosk.previous" "$DOCS"
    rm -f "$UNIT" "$NIGHTLY.service" "$NIGHTLY.timer" "$PAM" "$JOURNALD" "$COMMAND"
    if systemd_running; then
        systemctl daemon-reload
        systemctl try-restart systemd-journald.service || true
    fi
    say "removed the application and its units; kept $ROOT/etc/kiosk, $ROOT/var/lib/kiosk and the user $USER_NAME"
    say "(the data folder may hold submissions not yet delivered: check before deleting it)"
    exit 0
fi

# -- the application ---------------------------------------------------------------------------------------------
if [ "$BUILD" -eq 1 ]; then
    command -v uv >/dev/null || die "--build needs uv (scripts/bootstrap.sh installs it)"
    say "building dist/kiosk from $REPO (kiosk.spec)"
    (cd "$REPO" && uv run pyinstaller --noconfirm kiosk.spec)
fi
BUNDLE=${BUNDLE:-$REPO/dist/kiosk}
if ! [ -f "$BUNDLE/kiosk" ] || ! [ -x "$BUNDLE/kiosk" ]; then
    die "no application build at $BUNDLE (expected an executable $BUNDLE/kiosk): use --build, or --bundle DIR"
fi
BUNDLE=$(cd "$BUNDLE" && pwd)

# -- the user and its device groups ------------------------------------------------------------------------------
for group in "${DEVICE_GROUPS[@]}"; do
    if [ -z "$(field group "$group" 1)" ]; then
        groupadd "${account_args[@]}" --system "$group"
        say "created group $group"
    fi
done
if [ -z "$(field passwd "$USER_NAME" 1)" ]; then
    # No password and no shell: nobody logs in as kiosk; systemd starts its session (kiosk.service, PAMName=kiosk).
    useradd "${account_args[@]}" --system --user-group --home-dir /var/lib/kiosk --no-create-home \
        --shell /usr/sbin/nologin --comment "Government service kiosk terminal" "$USER_NAME" 2> >(grep -v "missing or non-executable shell" >&2 || true)
    say "created user $USER_NAME"
fi
# Membership for what a technician runs as kiosk (`kiosk diagnose`); the unit sets the same groups itself.
usermod "${account_args[@]}" --append --groups "$(IFS=,; echo "${DEVICE_GROUPS[*]}")" "$USER_NAME"
KIOSK_UID=$(field passwd "$USER_NAME" 3)
KIOSK_GID=$(field group "$USER_NAME" 3)
if [ -z "$KIOSK_UID" ] || [ -z "$KIOSK_GID" ]; then
    die "the user $USER_NAME or its group is missing from $ROOT/etc"
fi

# -- /opt/kiosk: root's, read-only to the terminal; the one before kept as /opt/kiosk.previous -------------------
mkdir -p "$ROOT/opt"
staged=$ROOT/opt/.kiosk.new
rm -rf "$staged"
cp -a "$BUNDLE/." "$staged/"
chown -R 0:0 "$staged"
chmod -R u+rwX,go+rX,go-w "$staged"
if [ -d "$APP" ]; then
    rm -rf "$ROOT/opt/kiosk.previous"
    mv "$APP" "$ROOT/opt/kiosk.previous"
fi
mv "$staged" "$APP"
say "installed the application from $BUNDLE in ${APP}"

# The operator's `kiosk` command: as the kiosk user, on the terminal's settings and data.
install -d -m 0755 "$ROOT/usr/local/bin"
cat >"$COMMAND" <<'EOF'
#!/bin/sh
# The terminal's command for operators (deploy/install.sh): `kiosk diagnose`, `kiosk config show`, `kiosk outbox
# status` ... as the kiosk user, on the same settings and data as the running terminal.
set -e
if [ "$(id -u)" -eq 0 ]; then
    exec runuser -u kiosk -- env KIOSK_CONFIG=/etc/kiosk/kiosk.toml KIOSK_TERMINAL_DATA_DIR=/var/lib/kiosk /opt/kiosk/kiosk "$@"
fi
exec env KIOSK_CONFIG=/etc/kiosk/kiosk.toml KIOSK_TERMINAL_DATA_DIR=/var/lib/kiosk /opt/kiosk/kiosk "$@"
EOF
chmod 0755 "$COMMAND"

# -- /etc/kiosk: root's, readable by the kiosk group only -------------------------------------------------------
install -d -m 0750 -o 0 -g "$KIOSK_GID" "$ROOT/etc/kiosk"
chown 0:"$KIOSK_GID" "$ROOT/etc/kiosk"
chmod 0750 "$ROOT/etc/kiosk"
install -m 0640 -o 0 -g "$KIOSK_GID" "$HERE/kiosk.toml.example" "$ROOT/etc/kiosk/kiosk.toml.example"
if [ -e "$ROOT/etc/kiosk/kiosk.toml" ]; then
    say "kept the existing /etc/kiosk/kiosk.toml (compare with kiosk.toml.example for new settings)"
else
    install -m 0640 -o 0 -g "$KIOSK_GID" "$HERE/kiosk.toml.example" "$ROOT/etc/kiosk/kiosk.toml"
    say "wrote /etc/kiosk/kiosk.toml from the example: set the terminal's id, devices and hub before going live"
fi
chown 0:"$KIOSK_GID" "$ROOT/etc/kiosk/kiosk.toml"
chmod 0640 "$ROOT/etc/kiosk/kiosk.toml"

# -- /var/lib/kiosk: the kiosk user's alone (systemd's StateDirectory= keeps it so at every start) ---------------
install -d -m 0700 -o "$KIOSK_UID" -g "$KIOSK_GID" "$ROOT/var/lib/kiosk"
chown "$KIOSK_UID:$KIOSK_GID" "$ROOT/var/lib/kiosk"
chmod 0700 "$ROOT/var/lib/kiosk"

# -- the units -----------------------------------------------------------------------------------------------------
install -D -m 0644 "$HERE/systemd/kiosk.service" "$UNIT"
install -D -m 0644 "$HERE/systemd/kiosk-nightly-restart.service" "$NIGHTLY.service"
install -D -m 0644 "$HERE/systemd/kiosk-nightly-restart.timer" "$NIGHTLY.timer"
install -D -m 0644 "$HERE/pam/kiosk" "$PAM"
install -D -m 0644 "$HERE/journald/kiosk.conf" "$JOURNALD"
install -D -m 0644 "$REPO/docs/operations.md" "$DOCS/operations.md"
say "installed kiosk.service, its nightly restart timer, /etc/pam.d/kiosk and the journal's limits"

if [ -n "$ROOT" ]; then
    systemctl_offline enable kiosk.service kiosk-nightly-restart.timer 2>/dev/null
    say "staged in $ROOT (nothing started)"
    exit 0
fi

# The catalog bundle and the pinyin dictionary, built now rather than on the terminal's first start.
if ! runuser -u "$USER_NAME" -- env KIOSK_CONFIG=/etc/kiosk/kiosk.toml KIOSK_TERMINAL_DATA_DIR=/var/lib/kiosk \
    "$APP/kiosk" prepare; then
    say "warning: \`kiosk prepare\` failed (see above); the terminal builds what is missing at its first start"
fi

if systemd_running; then
    systemctl daemon-reload
    systemctl restart systemd-journald.service  # journald reads its drop-ins only when it starts
    systemctl enable kiosk.service
    systemctl enable --now kiosk-nightly-restart.timer
    if [ "$START" -eq 1 ]; then
        systemctl restart kiosk.service
        say "started: systemctl status kiosk, journalctl -u kiosk -f"
    else
        say "enabled; not started (--no-start): sudo systemctl start kiosk"
    fi
else
    systemctl_offline enable kiosk.service kiosk-nightly-restart.timer
    say "systemd is not running here: kiosk.service is enabled and starts at the next boot"
fi
