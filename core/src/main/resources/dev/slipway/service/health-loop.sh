# Slipway's health check on the host (POSIX sh, shell builtins but curl or python3), run in a
# subshell after: set -- slipway-health URL TIMEOUT_SECONDS ATTEMPTS INTERVAL_SECONDS STATUS TEXT PYTHON_PROBE
# Asks URL at once, then every INTERVAL, until the answer has STATUS (and contains TEXT, unless
# empty) or ATTEMPTS were made. Prints "slipway-health ATTEMPTS_MADE STATUS", then the last body;
# without an answer, the reason on stderr. HttpHealthCheck reads it. Redirects are never followed.
url=$2 timeout=$3 attempts=$4 interval=$5 want=$6 text=$7 python=$8
newline='
'
i=0
while :; do
  i=$((i + 1))
  if command -v curl >/dev/null 2>&1; then
    out=$(curl -sS -o - -w '\n%{http_code}' --max-time "$timeout" "$url" 2>&1)
  elif command -v python3 >/dev/null 2>&1; then
    out=$(python3 -c "$python" "$url" "$timeout" 2>&1)
  else
    echo 'neither curl nor python3 is installed' >&2
    exit 127
  fi
  status=${out##*"$newline"}
  body=
  case $out in
    *"$newline"*) body=${out%"$newline"*} ;;
  esac
  case $status in
    ''|*[!0-9]*|0|000) status=0 ;;
  esac
  if [ "$status" = "$want" ]; then
    case $body in
      *"$text"*) break ;;
    esac
  fi
  [ "$i" -ge "$attempts" ] && break
  { sleep "$interval" || sleep 1; } 2>/dev/null
done
echo "slipway-health $i $status"
if [ "$status" = 0 ]; then
  printf '%s\n' "$body" >&2
else
  printf '%s' "$body"
fi
