#!/bin/sh
# Bytes dateline writes to a terminal, beside `less` showing and scrolling the same text, at 80x24 and 120x40:
# the first frame, one line of scrolling (j) with three panes and zoomed (z), mention jumps; and the time from
# start to the first frame. Runs the release binary in detached tmux sessions and counts what each pane
# receives (tmux pipe-pane -o), so it measures exactly what would cross an SSH link. With XTERM=1 (the default
# when xterm and Xvfb are installed) it measures the same under a real xterm, which has left/right scroll
# margins (DECSLRM) that tmux lacks.
#
#   scripts/bench-terminal-bytes.sh [path/to/dateline] [capture.txt]
#     (defaults: .build/release/dateline, and ../shared/seeds/000_*.txt when present, else a synthetic story)
set -eu
BIN=${1:-.build/release/dateline}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "bench-terminal-bytes: no binary at $BIN (swift build -c release)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "bench-terminal-bytes: tmux is not installed" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d)
sock="dateline-bytes-$$"
cleanup() {
  for s in dateline less; do tmux -L "$sock-$s" kill-server 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

STORY=${2:-}
if [ -z "$STORY" ]; then
  for f in "$here"/../../shared/seeds/000_*.txt "$here"/../../../shared/seeds/000_*.txt; do
    [ -f "$f" ] && { STORY=$f; break; }
  done
fi
if [ -n "$STORY" ]; then
  cp "$STORY" "$work/story.txt"
  story_label="$(basename "$STORY")"
  names=""
else
  story_label="synthetic story"
  # A live blog whose mentions of Blinken are far apart, so a jump has to scroll.
  {
    echo "Blinken in Europe: live updates"
    echo "The secretary of state tours allied capitals."
    echo "12:45"
    echo "Talks begin"
    echo "Antony Blinken arrived in Kyiv on Monday morning for talks with officials."
    awk 'BEGIN {
      split("the minister said talks would continue after officials met late on monday while allies urged " \
            "caution over supplies of air defence and winter fuel as reporters waited outside the building", w, " ")
      srand(7)
      for (p = 1; p <= 40; p++) {
        line = ""
        n = 25 + int(rand() * 30)
        for (i = 0; i < n; i++) line = line (i ? " " : "") w[1 + int(rand() * length(w))]
        print toupper(substr(line, 1, 1)) substr(line, 2) "."
      }
    }'
    echo "11:30"
    echo "On to Brussels"
    echo "Later Blinken landed in Brussels for talks with allies."
  } > "$work/story.txt"
  echo "person Antony Blinken | Blinken" > "$work/names.txt"
  names="--names names.txt"
fi
"$BIN" parse "$work/story.txt" > "$work/story-plain.txt"

size() { wc -c < "$work/$1" | tr -d ' '; }

# Waits until the output file stops growing for 0.3 s (at most 10 s).
settle() {
  last=-1; same=0; n=0
  while [ $n -lt 200 ]; do
    now=$(size "$1")
    if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; fi
    [ $same -ge 6 ] && [ "$now" -gt 0 ] && return 0
    last=$now; n=$((n + 1)); sleep 0.05
  done
}

# Two ways to run a program and count its bytes: tmux (pipe-pane) and a real xterm under Xvfb (the program
# behind scripts/pty-proxy.py, which logs what it writes and takes keys from a FIFO).
# open BACKEND NAME COLS ROWS COMMAND; press BACKEND NAME KEY (tmux key names: j z g Tab Enter ]); close ...
open_term() {
  backend=$1; name=$2; cols=$3; rows=$4; shift 4
  : > "$work/$name.out"
  env="export TERM=xterm-256color LANG=C.UTF-8 LESS= LESSHISTFILE=- XDG_DATA_HOME='$work/data'; cd '$work'"
  if [ "$backend" = tmux ]; then
    tmux -L "$sock-$name" -f /dev/null new-session -d -s "$name" -x "$cols" -y "$rows" "$env; stty -echo; read go; $*"
    tmux -L "$sock-$name" pipe-pane -o -t "$name" "cat >> '$work/$name.out'"
    sleep 0.2
    tmux -L "$sock-$name" send-keys -t "$name" Enter
  else
    rm -f "$work/$name.fifo"; mkfifo "$work/$name.fifo"
    DISPLAY=$display xterm -fa 'DejaVu Sans Mono' -fs 8 -tn xterm-256color -geometry "${cols}x${rows}" \
      -e sh -c "$env; exec python3 '$here/pty-proxy.py' '$work/$name.out' '$work/$name.fifo' -- sh -c \"$*\"" \
      2>/dev/null &
  fi
  settle "$name.out"
}
press() {
  backend=$1; name=$2; key=$3
  if [ "$backend" = tmux ]; then tmux -L "$sock-$name" send-keys -t "$name" "$key"; return; fi
  case $key in Tab) key='\t' ;; Enter) key='\r' ;; esac
  printf "$key" > "$work/$name.fifo"
}
close_term() {
  press "$1" "$2" q
  sleep 0.3
  [ "$1" = tmux ] && tmux -L "$sock-$2" kill-server 2>/dev/null || true
}

# keys BACKEND NAME KEY...: presses keys and prints the bytes they caused.
keys() {
  backend=$1; name=$2; shift 2
  before=$(size "$name.out")
  for key in "$@"; do press "$backend" "$name" "$key"; done
  settle "$name.out"
  echo $(( $(size "$name.out") - before ))
}

# repeat BACKEND NAME N KEY: presses KEY N times, one at a time, and prints the mean bytes per key.
repeat() {
  backend=$1; name=$2; n=$3; key=$4
  before=$(size "$name.out")
  i=0
  while [ $i -lt "$n" ]; do
    press "$backend" "$name" "$key"
    settle "$name.out"
    i=$((i + 1))
  done
  echo $(( ($(size "$name.out") - before + n / 2) / n ))
}

N=${SCROLLS:-20}
row() { printf '%-50s %10s %10s\n' "$@"; }

measure() {
  backend=$1; cols=$2; rows=$3; label=$4
  open_term "$backend" dateline "$cols" "$rows" "'$BIN' $names story.txt"
  d_first=$(size dateline.out)
  keys "$backend" dateline j > /dev/null          # the first j may also drop the status line's message
  d_scroll=$(repeat "$backend" dateline "$N" j)
  keys "$backend" dateline g > /dev/null
  keys "$backend" dateline z > /dev/null          # one pane at a time (zoom): the update pane over the full width
  keys "$backend" dateline j > /dev/null
  d_zoom_scroll=$(repeat "$backend" dateline "$N" j)
  keys "$backend" dateline z > /dev/null
  keys "$backend" dateline Tab Enter > /dev/null  # select the first entity: jump to its first mention
  d_jump=$(keys "$backend" dateline ']')
  close_term "$backend" dateline

  open_term "$backend" less "$cols" "$rows" "less -S story-plain.txt"
  l_first=$(size less.out)
  keys "$backend" less j > /dev/null
  l_scroll=$(repeat "$backend" less "$N" j)
  close_term "$backend" less

  echo
  row "$label at ${cols}x${rows}" dateline less
  row "first frame" "$d_first" "$l_first"
  row "one line of scrolling, three panes (j, mean of $N)" "$d_scroll" "$l_scroll"
  row "one line of scrolling, zoomed (z j, mean of $N)" "$d_zoom_scroll" "$l_scroll"
  row "mention jump (])" "$d_jump" "-"
}

echo "bytes written to the terminal, $story_label"
for geometry in 80x24 120x40; do
  measure tmux "${geometry%x*}" "${geometry#*x}" "tmux (TERM=xterm-256color)"
done

# A real xterm (left/right margins, DECSLRM) under a virtual X server, when both are installed (as root the
# script installs them: apt-get install xterm xvfb).
if [ "${XTERM:-1}" = 1 ]; then
  if ! command -v xterm > /dev/null || ! command -v Xvfb > /dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
      echo "bench-terminal-bytes: installing xterm and xvfb for the xterm figures" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xterm xvfb xauth fonts-dejavu-core > /dev/null || true
    fi
  fi
  if command -v xterm > /dev/null && command -v Xvfb > /dev/null && command -v python3 > /dev/null; then
    display=:$((40 + $$ % 50))
    Xvfb "$display" -screen 0 1920x1200x24 -nolisten tcp > /dev/null 2>&1 &
    xvfb=$!
    trap 'kill $xvfb 2>/dev/null; cleanup' EXIT INT TERM
    sleep 1
    for geometry in 80x24 120x40; do
      measure xterm "${geometry%x*}" "${geometry#*x}" "xterm $(xterm -version | sed 's/.*(\(.*\))/\1/')"
    done
  else
    echo; echo "(xterm figures skipped: install xterm, xvfb and python3)"
  fi
fi

# Time from start to the first frame (release binary, seed text), beside less, alternating in one run.
if command -v python3 > /dev/null; then
  echo
  echo "time to the first frame at 120x40, ms (median, min, max of ${ROUNDS:-9})"
  mkdir -p "$work/first-data"
  cd "$work" && XDG_DATA_HOME="$work/first-data" TERM=xterm-256color LANG=C.UTF-8 LESS= LESSHISTFILE=- \
    python3 "$here/first-frame-time.py" 120 40 "${ROUNDS:-9}" -- "less=less -S story.txt" \
    "dateline=$BIN $names story.txt" | awk '{ printf "%-10s %8s %8s %8s %8s %8s %8s\n", $1, $2, $3, $4, $5, $6, $7 }'
fi
