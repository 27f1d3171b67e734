# The floor of a workshop deploy: what one plain `ssh` call must do at least, in sh.
# stdin: the release as tar.gz. Arguments: DEPLOY_TO VERSION PORT.
set -eu
d=$1 version=$2 port=$3
release=$d/releases/$(date +%Y%m%d%H%M%S%N)
mkdir -p "$d/releases" "$d/shared/log" "$d/shared/pids" "$d/envs" "$release"
tar -xzf - -C "$release"
echo "$version" > "$release/.version"
ln -s "$d/shared/log" "$release/log"
env=$d/envs/$(sha256sum "$release/requirements.txt" | cut -c1-16)
if [ ! -d "$env" ]; then
  python3 -m venv --system-site-packages "$env.new"
  "$env.new/bin/pip" install --quiet --no-index --disable-pip-version-check -r "$release/requirements.txt"
  mv "$env.new" "$env"
  printf '#!%s/bin/python\nimport sys\nfrom gunicorn.app.wsgiapp import run\nsys.exit(run())\n' "$env" > "$env/bin/gunicorn"
  chmod 755 "$env/bin/gunicorn"
fi
ln -s "$env" "$release/venv"
ln -sfn "$release" "$d/current.new"
mv -T "$d/current.new" "$d/current"
pid=$d/shared/pids/gunicorn.pid
if [ -f "$pid" ] && kill -HUP "$(cat "$pid")" 2>/dev/null; then :; else
  "$d/current/venv/bin/gunicorn" --chdir "$d/current" --daemon --pid "$pid" --bind "127.0.0.1:$port" \
    --workers 2 --error-logfile "$d/shared/log/gunicorn.log" app:app
fi
