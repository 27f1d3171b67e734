# Re-executes a gunicorn master (USR2), waits for the new master's workers to stay up, then stops
# the old master (TERM, graceful). Run as
#   sh -c "$this" slipway-gunicorn SUPERVISOR_PIDFILE GUNICORN_PIDFILE SETTLE_TENTHS TIMEOUT_TENTHS
# Prints "reexecuted OLD NEW". Exit status: 4 the new master did not come up (the old one still
# serves), 5 not running.
supervisor=$1 gunicorn=$2 settle=$3 timeout=$4

pause() {
  sleep 0.1 2>/dev/null || sleep 1
}

has_worker() {
  if command -v ps >/dev/null 2>&1; then
    ps -e -o ppid= | tr -d ' ' | grep -qx "$1"
  else
    for stat in /proc/[0-9]*/stat; do
      [ "$(sed 's/.*) //' "$stat" 2>/dev/null | cut -d' ' -f2)" = "$1" ] && return 0
    done
    return 1
  fi
}

old=$(tr -cd '0-9' 2>/dev/null < "$supervisor")
if [ -z "$old" ] || ! kill -0 "$old" 2>/dev/null; then
  echo "gunicorn is not running (pidfile $supervisor)" >&2
  exit 5
fi
kill -s USR2 "$old" || exit 1
new= up=0 i=0
while [ "$i" -lt "$timeout" ] && [ "$up" -lt "$settle" ]; do
  pause
  i=$((i + 1))
  # gunicorn 20+ writes the new master's pid to PIDFILE.2 until the old master is gone.
  candidate=$(tr -cd '0-9' 2>/dev/null < "$gunicorn.2")
  if [ -z "$candidate" ]; then
    candidate=$(tr -cd '0-9' 2>/dev/null < "$gunicorn")
  fi
  if [ -n "$candidate" ] && [ "$candidate" != "$old" ] && kill -0 "$candidate" 2>/dev/null \
      && has_worker "$candidate"; then
    new=$candidate
    up=$((up + 1))
  else
    up=0
  fi
done
if [ "$up" -lt "$settle" ]; then
  echo "the new gunicorn master did not keep workers up within the timeout; the old master $old still serves" >&2
  exit 4
fi
echo "$new" > "$supervisor.new" && mv -f "$supervisor.new" "$supervisor" || exit 1
kill -s TERM "$old"
echo "reexecuted $old $new"
