# Slipway's pidfile supervisor (POSIX sh), run as
#   sh -c "$this" slipway-pidfile ACTION PIDFILE LOG DIRECTORY MATCH START_TENTHS STOP_TENTHS SIGNAL READY \
#     NAME ENVIRONMENT REEXEC [COMMAND...]
# READY is a shell line that succeeds once the started process answers (empty: none).
# Its answer is one line "slipway-pidfile WORD [PID [ELAPSED]]" on stdout, lines of the service's log
# after it for "died" and "not-ready" (the re-exec's complaint for "reexec-failed"); PidfileService's
# SupervisorAnswer reads it. Exit status 3: "serve" failed, its reason in one line last on stderr;
# any other non-zero status: the supervisor itself failed (its reason on stderr).
# "serve" makes the process serve ENVIRONMENT (a key, e.g. a venv's path): it starts it, or sends
# SIGNAL when it already runs that environment (noted in PIDFILE.venv), or else runs the REEXEC
# shell line (which leaves the new pid in PIDFILE), or restarts it when there is none.
action=$1 pidfile=$2 log=$3 dir=$4 match=$5 start_tenths=$6 stop_tenths=$7 sig=$8 ready=$9
shift 9
name=$1 environment=$2 reexec=$3
shift 3

answer() {
  echo "slipway-pidfile $*"
}

pause() {
  sleep 0.1 2>/dev/null || sleep 1
}

# Alive and not a zombie: a child that died is a zombie until reaped, and kill -0 still succeeds.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  if [ -d /proc/self ]; then
    # The state is the first field after the command's name "(...)", read by the shell itself.
    stat=
    read -r stat 2>/dev/null < "/proc/$1/stat" || :
    state=${stat##*") "}
    state=${state%%" "*}
  else
    state=$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)
    state=${state:-R}
  fi
  [ -n "$state" ] && [ "$state" != Z ]
}

field_of_stat() {
  sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f"$2"
}

command_line() {
  if [ -d /proc/self ]; then
    tr '\0' ' ' 2>/dev/null < "/proc/$1/cmdline"
  else
    ps -o args= -p "$1" 2>/dev/null
  fi
}

process_group() {
  if [ -d /proc/self ]; then
    field_of_stat "$1" 3
  else
    ps -o pgid= -p "$1" 2>/dev/null | tr -d ' '
  fi
}

# The pid is alive and still runs our program, so a recycled pid is never signalled.
ours() {
  [ -n "$1" ] && alive "$1" || return 1
  case $(command_line "$1") in
    *"$match"*) return 0 ;;
  esac
  return 1
}

read_pid() {
  pid=
  if [ -f "$pidfile" ]; then
    read -r pid 2>/dev/null < "$pidfile" || :
    case $pid in *[!0-9]*) pid= ;; esac
  fi
}

wait_until_gone() {
  i=0
  while alive "$1"; do
    [ "$i" -ge "$2" ] && return 1
    pause
    i=$((i + 1))
  done
  return 0
}

# What it logged since the start: its last lines, after its first error line when that scrolled
# away (a traceback often ends far below the line that names the cause). The first line naming an
# error ("ModuleNotFoundError: ...") wins over one that only says where it was ("Exception in worker").
log_excerpt() {
  since=$(tail -c +"$((offset + 1))" "$log")
  first_error=$(printf '%s\n' "$since" | grep -m 1 -E '(Error|Exception):' \
    || printf '%s\n' "$since" | grep -m 1 -E '(Error|Exception) in ' || true)
  last=$(printf '%s\n' "$since" | tail -n 20)
  case "$last" in
    *"$first_error"*) ;;
    *) printf '%s\n...\n' "$first_error" ;;
  esac
  printf '%s\n' "$last"
}

# A start that failed: the answer and the log's excerpt; a serve also says why in one line on
# stderr (the log's first error line and its last line) and exits 3.
give_up() {
  answer "$@"
  log_excerpt
  [ "$action" = serve ] || exit 0
  final=$(printf '%s\n' "$last" | tail -n 1)
  if [ -z "$final" ]; then
    summary="; it wrote nothing to its log"
  elif [ -n "$first_error" ] && [ "$first_error" != "$final" ]; then
    summary=": $first_error ... $final"
  else
    summary=": $final"
  fi
  echo "$name $failure$summary (log $log)" >&2
  exit 3
}

died() {
  rm -f "$pidfile"
  failure="exited before it was up"
  give_up died
}

elapsed() {
  e=$(ps -o etime= -p "$1" 2>/dev/null | tr -d ' ')
  echo "${e:--}"
}

# Up: without a READY line, alive for the start timeout; with one, as soon as it succeeds.
wait_until_up() {
  i=0
  while [ "$i" -lt "$start_tenths" ]; do
    alive "$pid" || died
    if [ -n "$ready" ] && (eval "$ready") >/dev/null 2>&1; then
      alive "$pid" || died
      return 0
    fi
    pause
    i=$((i + 1))
  done
  alive "$pid" || died
  [ -z "$ready" ] && return 0
  kill -s TERM "$pid" 2>/dev/null
  wait_until_gone "$pid" "$stop_tenths" || kill -s KILL "$pid" 2>/dev/null
  rm -f "$pidfile"
  failure="did not answer its readiness probe within $((start_tenths * 100)) ms, so it was stopped"
  give_up not-ready "$pid"
}

start() {
  read_pid
  if ours "$pid"; then
    answer already-running "$pid"
    exit 0
  fi
  launch "$@"
  answer running "$pid" "$(elapsed "$pid")"
}

# Starts the process and waits until it is up; gives up (and exits) when it is not.
launch() {
  rm -f "$pidfile"
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$log")" && : >> "$log" || exit 1
  if [ -n "$dir" ]; then
    cd "$dir" || exit 1
  fi
  offset=$(wc -c < "$log")
  detach=nohup
  if command -v setsid >/dev/null 2>&1; then
    detach=setsid
  fi
  # The process writes its own pid (then execs), so the pid is right even if setsid forks.
  $detach sh -c 'echo $$ > "$0.new" && mv -f "$0.new" "$0" && exec "$@"' "$pidfile" "$@" \
    >> "$log" 2>&1 < /dev/null &
  i=0
  while [ ! -s "$pidfile" ] && [ "$i" -lt 50 ]; do
    pause
    i=$((i + 1))
  done
  read_pid
  [ -n "$pid" ] || died
  wait_until_up
}

stop() {
  read_pid
  if [ -z "$pid" ]; then
    answer not-running
    return 0
  fi
  if ! ours "$pid"; then
    rm -f "$pidfile"
    answer stale "$pid"
    return 0
  fi
  kill -s TERM "$pid" 2>/dev/null
  if wait_until_gone "$pid" "$stop_tenths"; then
    answer stopped "$pid"
  else
    # Kill the whole group only when the process leads its own (setsid): else the group is ours.
    if [ "$(process_group "$pid")" = "$pid" ]; then
      kill -s KILL -- "-$pid" 2>/dev/null || kill -s KILL "$pid" 2>/dev/null
    else
      kill -s KILL "$pid" 2>/dev/null
    fi
    if ! wait_until_gone "$pid" 50; then
      echo "pid $pid is still alive after SIGKILL" >&2
      exit 1
    fi
    answer killed "$pid"
  fi
  rm -f "$pidfile"
}

status() {
  read_pid
  if [ -z "$pid" ]; then
    answer not-running
  elif ours "$pid"; then
    answer running "$pid" "$(elapsed "$pid")"
  else
    answer stale "$pid"
  fi
}

send_signal() {
  read_pid
  if [ -z "$pid" ]; then
    answer not-running
  elif ! ours "$pid"; then
    answer stale "$pid"
  else
    kill -s "$sig" "$pid" || exit 1
    answer running "$pid" "$(elapsed "$pid")"
  fi
}

# Replaces the running process by the REEXEC line's; gives up with its last complaint.
reexecute() {
  complaint=$( (eval "$reexec") 2>&1 >/dev/null) && read_pid && ours "$pid" && return 0
  why=$(printf '%s\n' "$complaint" | tail -n 1)
  why=${why:-the re-exec failed without a word}
  answer reexec-failed
  printf '%s\n' "$why"
  echo "$name could not be re-executed: $why (log $log)" >&2
  exit 3
}

serve() {
  read_pid
  if ! ours "$pid"; then
    launch "$@"
    served=started
  elif [ "$sig" != - ] && [ -f "$pidfile.venv" ] && [ "$(cat "$pidfile.venv")" = "$environment" ]; then
    kill -s "$sig" "$pid" || exit 1
    served=reloaded
  elif [ -n "$reexec" ]; then
    reexecute
    served=reexecuted
  else
    stop > /dev/null && launch "$@" || exit 1
    served=restarted
  fi
  printf '%s' "$environment" > "$pidfile.venv.new" && mv -f "$pidfile.venv.new" "$pidfile.venv" || exit 1
  answer "$served" "$pid"
}

case $action in
  start) start "$@" ;;
  stop) stop ;;
  restart) stop > /dev/null && start "$@" ;;
  status) status ;;
  signal) send_signal ;;
  serve) serve "$@" ;;
  *) echo "unknown action: $action" >&2; exit 2 ;;
esac
