#!/usr/bin/env bash
# Set up a Debian 12 machine for the kiosk and run it, or run its tests.
#
#   sudo scripts/bootstrap.sh run [kiosk run args...]   install what is missing, start the terminal
#   sudo scripts/bootstrap.sh test [pytest args...]     install what is missing, start services, lint + test
#   sudo scripts/bootstrap.sh install                   only install what is missing
#
# Idempotent: when everything is already installed it touches neither apt nor the network.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
REPO_ROOT=$PWD
PACKAGE_LIST="$REPO_ROOT/scripts/debian-packages.txt"
UV_VERSION=0.13.9

# ---------------------------------------------------------------- helpers

log() { printf 'bootstrap: %s\n' "$*"; }
die() { printf 'bootstrap: ERROR: %s\n' "$*" >&2; exit 1; }

now_us() { local t=${EPOCHREALTIME//[.,]/}; printf '%s' "$t"; }
fmt_since() {  # fmt_since START_US -> "1.23s"
    local ms=$(( ($(now_us) - $1) / 1000 ))
    printf '%d.%02ds' $(( ms / 1000 )) $(( ms % 1000 / 10 ))
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "not root and sudo is not installed; run this script as root"
    fi
}

# ---------------------------------------------------------------- Debian packages

read_package_list() {
    local line word
    PACKAGES=()
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%%#*}
        for word in $line; do PACKAGES+=("$word"); done
    done <"$PACKAGE_LIST"
}

install_debian_packages() {
    local t0; t0=$(now_us)
    read_package_list
    local -A installed=()
    local name status p
    while read -r name status; do
        [[ $status == "install ok installed" ]] && installed[$name]=1
    done < <(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)

    local missing=()
    for p in "${PACKAGES[@]}"; do
        [[ -n ${installed[$p]:-} ]] || missing+=("$p")
    done
    if ((${#missing[@]} == 0)); then
        log "Debian packages: all ${#PACKAGES[@]} installed ($(fmt_since "$t0"))"
        return
    fi

    log "installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    local apt_opts=(-q -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends \
        "${missing[@]}"
    log "Debian packages installed ($(fmt_since "$t0"))"
}

# ---------------------------------------------------------------- uv and the Python environment

find_or_install_uv() {
    local t0; t0=$(now_us)
    local tools_dir=/opt/kiosk-tools
    if [[ $EUID -ne 0 && ! -w /opt ]] && [[ ! -x $tools_dir/bin/uv ]]; then
        tools_dir="${XDG_DATA_HOME:-$HOME/.local/share}/kiosk-tools"
    fi

    if UV=$(command -v uv 2>/dev/null); then
        :
    elif [[ -x $tools_dir/bin/uv ]]; then
        UV=$tools_dir/bin/uv
    else
        log "uv not found: installing uv==$UV_VERSION from PyPI into $tools_dir"
        python3 -m venv "$tools_dir"
        "$tools_dir/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
        UV=$tools_dir/bin/uv
    fi
    log "uv: $UV ($("$UV" --version 2>/dev/null | awk '{print $2}')) ($(fmt_since "$t0"))"
}

sync_python_env() {
    local t0; t0=$(now_us)
    export UV_PYTHON_DOWNLOADS=never
    export UV_PYTHON="${UV_PYTHON:-3.11}"
    # Trust the system CA store (Debian's ca-certificates) rather than uv's bundled roots,
    # so a proxy CA installed on the machine also works when sudo strips SSL_CERT_FILE.
    if [[ -z ${UV_SYSTEM_CERTS:-}${UV_NATIVE_TLS:-} ]]; then
        export UV_SYSTEM_CERTS=1 UV_NATIVE_TLS=1 # the second is the name older uv releases read
    fi
    if ! "$UV" sync --frozen; then
        die "uv sync failed (it needs a Python $UV_PYTHON interpreter, e.g. Debian 12's /usr/bin/python3.11)"
    fi
    log "Python environment ready (uv sync) ($(fmt_since "$t0"))"
    t0=$(now_us)
    "$UV" run --frozen python -m ui.i18n || die "could not compile the translations (assets/i18n)"
    log "translations compiled ($(fmt_since "$t0"))"
    t0=$(now_us)
    "$UV" run --frozen kiosk prepare >/dev/null || die "could not prepare the catalog and the pinyin dictionary"
    log "catalog bundle and pinyin dictionary ready ($(fmt_since "$t0"))"
}

# ---------------------------------------------------------------- services
# One function per service, named service_<name>; each starts its service only
# when it is not already running and exports what clients need.
# To add one (e.g. a mosquitto broker on 127.0.0.1), write service_mosquitto
# and add "mosquitto" to TEST_SERVICES.
TEST_SERVICES=(pulseaudio)

service_pulseaudio() {
    export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/kiosk-xdg}"
    mkdir -p "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR" || die "cannot chmod 700 $XDG_RUNTIME_DIR (owned by another user?)"
    export PULSE_SERVER="unix:$XDG_RUNTIME_DIR/pulse/native"

    local state="already running"
    if ! pactl info >/dev/null 2>&1; then
        state="started"
        pulseaudio -D -n --system=false --exit-idle-time=-1 --disallow-exit \
            --load=module-native-protocol-unix \
            --load="module-null-sink sink_name=speaker rate=48000" \
            --load="module-null-sink sink_name=micfeed rate=48000" \
            --load="module-remap-source master=micfeed.monitor source_name=mic"
        local i
        for ((i = 0; i < 50; i++)); do
            pactl info >/dev/null 2>&1 && break
            sleep 0.1
        done
        pactl info >/dev/null 2>&1 || die "PulseAudio did not come up on $PULSE_SERVER"
    else
        # A daemon we did not start may lack our devices: add the missing ones.
        local sinks sources
        sinks=$(pactl list short sinks)
        sources=$(pactl list short sources)
        grep -qw speaker <<<"$sinks" ||
            pactl load-module module-null-sink sink_name=speaker rate=48000 >/dev/null
        grep -qw micfeed <<<"$sinks" ||
            pactl load-module module-null-sink sink_name=micfeed rate=48000 >/dev/null
        grep -qw mic <<<"$sources" ||
            pactl load-module module-remap-source master=micfeed.monitor source_name=mic >/dev/null
    fi
    pactl set-default-sink speaker
    pactl set-default-source mic
    log "PulseAudio $state on $PULSE_SERVER (sink speaker, source mic)"
}

start_services() {
    local t0 s; t0=$(now_us)
    for s in "$@"; do "service_$s"; done
    log "services ready: $* ($(fmt_since "$t0"))"
}

# ---------------------------------------------------------------- virtual display (run without a screen)

XVFB_PID=
XVFB_LOG=
APP_PID=

stop_xvfb() {
    [[ -n $XVFB_PID ]] || return 0
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    rm -f "$XVFB_LOG"
    log "virtual display ${DISPLAY:-} stopped"
    XVFB_PID=
}

start_xvfb() {
    local t0; t0=$(now_us)
    local numfile
    numfile=$(mktemp "${TMPDIR:-/tmp}/kiosk-xvfb-display.XXXXXX")
    XVFB_LOG=$(mktemp "${TMPDIR:-/tmp}/kiosk-xvfb.XXXXXX.log")
    # -displayfd: Xvfb picks a free display number and writes it once it accepts clients.
    Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$numfile" >"$XVFB_LOG" 2>&1 &
    XVFB_PID=$!
    trap stop_xvfb EXIT

    local n="" i
    for ((i = 0; i < 100; i++)); do
        n=$(tr -dc '0-9' <"$numfile")
        [[ -n $n ]] && break
        kill -0 "$XVFB_PID" 2>/dev/null || break
        sleep 0.1
    done
    rm -f "$numfile"
    if [[ -z $n ]]; then
        tail -n 20 "$XVFB_LOG" >&2
        die "Xvfb did not start"
    fi
    export DISPLAY=":$n"
    log "no DISPLAY: starting the terminal on a virtual display (Xvfb :$n, 1920x1080x24, ready in $(fmt_since "$t0"))"
    log "  view it:  DISPLAY=:$n import -window root /tmp/kiosk-screen.png   (screenshot of the virtual screen)"
    log "  stop it:  press Ctrl+C here or run 'kill $$'; Xvfb :$n stops when the terminal exits"
}

# ---------------------------------------------------------------- commands

setup() {
    local t0; t0=$(now_us)
    install_debian_packages
    find_or_install_uv
    sync_python_env
    SETUP_TIME=$(fmt_since "$t0")
}

cmd_run() {
    setup
    log "setup done in $SETUP_TIME"
    if [[ -n ${DISPLAY:-} ]]; then
        if ! xdpyinfo >/dev/null 2>&1; then
            log "warning: DISPLAY=$DISPLAY is set but cannot be opened" \
                "(under sudo, keep XAUTHORITY, e.g. 'sudo --preserve-env=DISPLAY,XAUTHORITY ...')"
        fi
    elif [[ -z ${WAYLAND_DISPLAY:-} ]]; then
        start_xvfb
        # Run the app as a child so that Xvfb is stopped when it exits; Ctrl+C or
        # TERM to this script is passed on to the app.
        trap 'forward_stop INT' INT
        trap 'forward_stop TERM' TERM
        "$UV" run --frozen kiosk run "$@" <&0 &
        APP_PID=$!
        local rc=0
        while :; do
            rc=0
            wait "$APP_PID" || rc=$?
            kill -0 "$APP_PID" 2>/dev/null || break # wait was interrupted by a signal: wait again
        done
        log "terminal exited (code $rc)"
        exit "$rc"
    fi
    exec "$UV" run --frozen kiosk run "$@"
}

forward_stop() {
    log "received SIG$1: stopping the terminal"
    if [[ -n $APP_PID ]]; then kill -TERM "$APP_PID" 2>/dev/null || true; fi
}

cmd_test() {
    setup
    export QT_QPA_PLATFORM=offscreen
    start_services "${TEST_SERVICES[@]}"
    log "setup done in $SETUP_TIME; running ruff and pytest"

    local t0 ruff_rc=0 pytest_rc=0
    t0=$(now_us)
    "$UV" run --frozen ruff check . || ruff_rc=$?
    log "ruff check: exit $ruff_rc ($(fmt_since "$t0"))"

    t0=$(now_us)
    "$UV" run --frozen pytest "$@" || pytest_rc=$?
    if ((pytest_rc == 5)); then
        log "pytest: no tests were collected (exit 5) - counted as a failure"
    else
        log "pytest: exit $pytest_rc ($(fmt_since "$t0"))"
    fi

    if ((ruff_rc != 0 || pytest_rc != 0)); then
        log "FAILED (ruff exit $ruff_rc, pytest exit $pytest_rc)"
        ((pytest_rc != 0)) && exit "$pytest_rc"
        exit "$ruff_rc"
    fi
    log "all checks passed"
}

usage() {
    cat <<EOF
usage: $0 run [kiosk run args...]   install what is missing, then start the terminal
       $0 test [pytest args...]     install what is missing, start services, run ruff + pytest
       $0 install                   only install what is missing
EOF
}

case "${1:-}" in
    run) shift; cmd_run "$@" ;;
    test) shift; cmd_test "$@" ;;
    install) setup; log "setup done in $SETUP_TIME" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
esac
