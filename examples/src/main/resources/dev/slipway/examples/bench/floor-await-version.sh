# Appended to each floor script: waits until /version on $port answers $version.
for _ in $(seq 1 200); do
  if curl -fsS "http://127.0.0.1:$port/version" 2>/dev/null | grep -q "\"$version\""; then exit 0; fi
  sleep 0.05
done
echo "version $version is not served" >&2
exit 1
