# The floor of a workshop rollback: what one plain `ssh` call must do at least, in sh.
# Arguments: DEPLOY_TO PORT [VERSION]: back to the release before current, or to VERSION's newest.
set -eu
d=$1 port=$2 wanted=${3:-}
current=$(basename "$(readlink "$d/current")")
target=
for release in $(ls -1 "$d/releases" | sort); do
  if [ -z "$wanted" ]; then
    [ "$release" = "$current" ] && break
    target=$release
  elif [ "$(cat "$d/releases/$release/.version")" = "$wanted" ]; then
    target=$release
  fi
done
[ -n "$target" ] || { echo "no release to roll back to" >&2; exit 1; }
version=$(cat "$d/releases/$target/.version")
ln -sfn "$d/releases/$target" "$d/current.new"
mv -T "$d/current.new" "$d/current"
kill -HUP "$(cat "$d/shared/pids/gunicorn.pid")"
