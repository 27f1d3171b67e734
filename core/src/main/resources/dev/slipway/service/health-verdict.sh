# Slipway's health check as one command: judges what health-loop.sh printed (in $out, stdout and
# stderr together; its exit status in $rc), after: set -- slipway-verdict MESSAGE MISSING STATUS TEXT EXCERPT_PATTERN
# Exits 0 at the expected answer; otherwise prints MESSAGE and what the last attempt got (or MISSING
# without curl and python3) as the last line of stderr, as HttpHealthCheck's exception says it, and exits 1.
message=$2 missing=$3 want=$4 text=$5 cut=$6
newline='
'
if [ "$rc" = 127 ]; then
  printf '%s\n' "$missing" >&2
  exit 1
fi
head=${out%%"$newline"*} rest=
case $out in
  *"$newline"*) rest=${out#*"$newline"} ;;
esac
status=${head##* }
if [ "$status" = "$want" ]; then
  case $rest in
    *"$text"*) exit 0 ;;
  esac
fi
while case $rest in *"$newline") rest=${rest%"$newline"} ;; *"$newline"*) ;; *) false ;; esac; do
  rest="${rest%%"$newline"*} ${rest#*"$newline"}"
done
if [ "$status" = 0 ]; then
  got="no answer${rest:+ ($rest)}"
else
  excerpt=$rest
  if [ "${#rest}" -gt 200 ]; then
    excerpt="${rest%"${rest#$cut}"}…"
  fi
  case $excerpt in
    *[![:space:]]*) ;;
    *) excerpt='(empty)' ;;
  esac
  got="status $status, body: $excerpt"
fi
printf '%s\n' "$message $got" >&2
exit 1
