#!/bin/sh
# Bytes dateline writes to an 80x24 terminal for the first frame, one line of scrolling and one mention jump,
# beside `less` showing and scrolling the same text. Runs the release binary in a detached tmux session and
# counts what the pane receives (tmux pipe-pane -o), so it measures exactly what would cross an SSH link.
#
#   scripts/bench-terminal-bytes.sh [path/to/dateline]     (default: .build/release/dateline)
set -eu
BIN=${1:-.build/release/dateline}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "bench-terminal-bytes: no binary at $BIN (swift build -c release)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "bench-terminal-bytes: tmux is not installed" >&2; exit 1; }
COLS=${COLS_OVERRIDE:-80}
ROWS=${ROWS_OVERRIDE:-24}

work=$(mktemp -d)
sock="dateline-bytes-$$"
cleanup() {
  tmux -L "$sock-dateline" kill-server 2>/dev/null || true
  tmux -L "$sock-less" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A live blog whose mentions of Blinken are far apart, so a jump has to scroll.
{
  echo "Blinken in Europe: live updates"
  echo "The secretary of state tours allied capitals."
  echo "12:45"
  echo "Talks begin"
  echo "Antony Blinken arrived in Kyiv on Monday morning for talks with officials."
  # Varied paragraphs (a fixed pseudo-random word sequence), so that lines do not repeat.
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

# start NAME COMMAND: runs COMMAND in a fresh session after the pipe is attached (stty -echo so the go-ahead
# key is not echoed into the count).
start() {
  name=$1; shift
  : > "$work/$name.out"
  tmux -L "$sock-$name" -f /dev/null new-session -d -s "$name" -x "$COLS" -y "$ROWS" \
    "export TERM=xterm-256color LANG=C.UTF-8 LESS= LESSHISTFILE=-; cd '$work'; stty -echo; read go; $*"
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

start dateline "'$BIN' --names names.txt story.txt"
d_first=$(size dateline.out)
d_scroll=$(keys dateline j)
keys dateline Tab Enter > /dev/null       # select Antony Blinken in the sidebar: jump to the first mention
d_jump=$(keys dateline ']')               # the next mention, past the first screen
d_jump2=$(keys dateline ']')
keys dateline z > /dev/null               # one pane at a time (zoom): the update pane over the full width
d_zoom_scroll=$(keys dateline j)
tmux -L "$sock-dateline" send-keys -t dateline q

start less "less -S story-plain.txt"
l_first=$(size less.out)
l_scroll=$(keys less j)
tmux -L "$sock-less" send-keys -t less q

printf '%-34s %10s %10s\n' "at ${COLS}x${ROWS}, bytes written" dateline less
printf '%-34s %10s %10s\n' "first frame" "$d_first" "$l_first"
printf '%-34s %10s %10s\n' "one line of scrolling (j)" "$d_scroll" "$l_scroll"
printf '%-34s %10s %10s\n' "mention jump (])" "$d_jump" "-"
printf '%-34s %10s %10s\n' "second mention jump (], wraps)" "$d_jump2" "-"
printf '%-34s %10s %10s\n' "one line of scrolling, zoomed (z j)" "$d_zoom_scroll" "$l_scroll"
