#!/bin/sh
# Class-data-sharing training run of an app image, at image build time (docs/deployment.md, "Start time").
#
#   cds-training.sh <extracted jar> <archive to write>
#
# Starts a throwaway PostgreSQL and Redis on this build machine (packages postgresql and redis-server), starts the
# app from its extracted jar up to its refreshed context (-Dspring.context.exit=onRefresh) with the image's JVM
# options and -XX:ArchiveClassesAtExit, and stops everything again. The app needs its database and Redis during the
# refresh (migrations, signing keys, session configuration), so a training run without them would stop half-way and
# archive only the classes loaded until then. Nothing of this run stays in the image but the archive: the database,
# the random key-encryption key and the logs are deleted. The archive holds class metadata only, no data.
set -eu

jar=$1
archive=$2
options=${JVM_OPTIONS:-/app/jvm.options}
work=$(mktemp -d)
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_port=55432
redis_port=56379

cleanup() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: its own user, a throwaway cluster, local connections trusted.
chown postgres "$work"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work -c fsync=off" start >/dev/null
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log"

rm -f "$archive"
# The environment of a real start (.env.example); values that only this run sees.
status=0
env MALLOC_ARENA_MAX=2 \
  DATABASE_URL="postgresql://postgres:training@127.0.0.1:$pg_port/postgres" \
  REDIS_URL="redis://127.0.0.1:$redis_port" \
  TEXTBOOK_KEK="$(head -c 32 /dev/urandom | base64)" \
  ISSUER_URL=http://localhost:9000 JWK_SET_URI=http://localhost:9000/oauth2/jwks \
  java "@$options" -XX:ArchiveClassesAtExit="$archive" -Dspring.context.exit=onRefresh -jar "$jar" \
  > "$work/training.log" 2>&1 || status=$?
if [ "$status" -ne 0 ] || [ ! -s "$archive" ]; then
  echo "cds-training: the training run failed (exit code $status); its output:" >&2
  cat "$work/training.log" >&2
  exit 1
fi
echo "cds-training: $(du -h "$archive" | cut -f1) archive for $(basename "$jar")"
