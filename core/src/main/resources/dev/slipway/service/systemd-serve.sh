# Slipway's serve of a systemd unit (POSIX sh), run as root as: sh -c "$this" slipway-systemd UNIT
# After a switch: systemctl reload-or-restart (which starts a stopped unit), then the unit must be
# active. On failure the last line of stderr says why (SystemdService.serve throws it, a deploy
# reports it); what systemctl said comes before it.
unit=$1
newline='
'
said=$(systemctl reload-or-restart "$unit" 2>&1)
rc=$?
if [ "$rc" -ne 0 ]; then
  [ -z "$said" ] || printf '%s\n' "$said" >&2
  first=${said%%"$newline"*}
  printf '%s could not be reloaded or restarted: %s\n' "$unit" "${first:-systemctl exit status $rc}" >&2
  exit 1
fi
state=$(systemctl is-active "$unit") && exit 0
printf '%s is %s after reload-or-restart, not active (journalctl -u %s says why)\n' "$unit" "${state:-unknown}" \
  "$unit" >&2
exit 1
