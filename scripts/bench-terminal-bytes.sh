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
  label="$(basename "$STORY")"
  names=""
else
  label="synthetic story"
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

# start NAME COLS ROWS COMMAND: runs COMMAND in a fresh session after the pipe is attached (stty -echo so the
# go-ahead key is not echoed into the count).
start() {
  name=$1; cols=$2; rows=$3; shift 3
  : > "$work/$name.out"
  tmux -L "$sock-$name" -f /dev/null new-session -d -s "$name" -x "$cols" -y "$rows" \
    "export TERM=xterm-256color LANG=C.UTF-8 LESS= LESSHISTFILE=- XDG_DATA_HOME='$work/data'; cd '$work'; stty -echo; read go; $*"
  tmux -L "$sock-$name" pipe-pane -o -t "$name" "cat >> '$work/$name.out'"
  sleep 0.2
  tmux -L "$sock-$name" send-keys -t "$name" Enter
  settle "$name.out"
}

# keys NAME KEY...: sends keys and prints the bytes they caused.
keys() {
  name=$1; shift
  before=$(size "$name.out")
  tmux -L "$sock-$name" send-keys -t "$name" "$@"
  settle "$name.out"
  echo $(( $(size "$name.out") - before ))
}

# repeat NAME N KEY: sends KEY N times, one at a time, and prints the mean bytes per key.
repeat() {
  name=$1; n=$2; key=$3
  before=$(size "$name.out")
  i=0
  while [ $i -lt "$n" ]; do
    tmux -L "$sock-$name" send-keys -t "$name" "$key"
    settle "$name.out"
    i=$((i + 1))
  done
  echo $(( ($(size "$name.out") - before + n / 2) / n ))
}

stop() {
  tmux -L "$sock-$1" send-keys -t "$1" q
  sleep 0.2
  tmux -L "$sock-$1" kill-server 2>/dev/null || true
}

N=${SCROLLS:-20}
row() { printf '%-50s %10s %10s\n' "$@"; }

echo "bytes written to the terminal, $label"
for geometry in 80x24 120x40; do
  cols=${geometry%x*}; rows=${geometry#*x}
  start dateline "$cols" "$rows" "'$BIN' $names story.txt"
  d_first=$(size dateline.out)
  keys dateline j > /dev/null                # the first j may also drop the status line's message
  d_scroll=$(repeat dateline $N j)
  keys dateline g > /dev/null
  keys dateline z > /dev/null                # one pane at a time (zoom): the update pane over the full width
  keys dateline j > /dev/null
  d_zoom_scroll=$(repeat dateline $N j)
  keys dateline z > /dev/null
  keys dateline Tab Enter > /dev/null        # select the first entity: jump to its first mention
  d_jump=$(keys dateline ']')
  stop dateline

  start less "$cols" "$rows" "less -S story-plain.txt"
  l_first=$(size less.out)
  keys less j > /dev/null
  l_scroll=$(repeat less $N j)
  stop less

  echo
  row "tmux at $geometry (TERM=xterm-256color)" dateline less
  row "first frame" "$d_first" "$l_first"
  row "one line of scrolling, three panes (j, mean of $N)" "$d_scroll" "$l_scroll"
  row "one line of scrolling, zoomed (z j, mean of $N)" "$d_zoom_scroll" "$l_scroll"
  row "mention jump (])" "$d_jump" "-"
done
