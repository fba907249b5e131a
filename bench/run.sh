#!/usr/bin/env bash
# The benchmark harness in one command (docs/benchmarks.md):
#
#   bench/run.sh                 every scenario
#   bench/run.sh jwks signin     only these (the launch measurement always runs)
#   bench/run.sh --list          the scenario names
#
# Installs wrk and gnuplot when missing, builds the apps, starts real PostgreSQL and Redis, loads 10,000 users with
# complete profiles, starts auth-server and resource-api from their jars, warms up, runs each scenario for a fixed time
# at a fixed concurrency, records what else used the CPU, and writes docs/benchmarks/results.md and the charts.
# Every request goes to 127.0.0.1; every load loop is bounded in time (and the Java ones in count).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

WORK="${BENCH_WORK:-$ROOT/target/bench}"
DOCS="${BENCH_DOCS:-$ROOT/docs/benchmarks}"
WARMUP="${BENCH_WARMUP:-20}"              # seconds of load before each measured window
DURATION="${BENCH_DURATION:-30}"          # seconds measured per scenario
GLOBAL_WARMUP="${BENCH_GLOBAL_WARMUP:-90}" # seconds of mixed load after start, for the JIT (slow on 2 cores)
C="${BENCH_C:-16}"                        # default concurrency
USERS="${BENCH_USERS:-10000}"
SWEEP="${BENCH_SWEEP:-1 16 64 256 1000}"  # token-endpoint concurrency sweep
ROWS="${BENCH_ROWS:-0 100000 1000000}"    # authorization-table sizes
SOAK="${BENCH_SOAK:-60}"                  # seconds at 1,000 connections
# JVM options of both apps: by default the deployed ones (jvm.options, as ./run and the images use them); set to
# an empty string for the JVM's defaults.
APP_JAVA_OPTS="${BENCH_APP_JAVA_OPTS-@jvm.options}"  # relative: the script runs from the root
SETTLE_MAX="${BENCH_SETTLE_MAX:-90}"        # extra warm-up seconds allowed while the JIT is still compiling
PROFILE="${BENCH_PROFILE:-}"              # measured windows (name prefixes) to record with JFR in both apps
AUTH_PORT="${BENCH_AUTH_PORT:-19000}"
API_PORT="${BENCH_API_PORT:-18081}"
AUTH="http://127.0.0.1:${AUTH_PORT}"
API="http://127.0.0.1:${API_PORT}"
PASSWORD="bench-password-not-secret-1"
ALL_SCENARIOS="jmh discovery jwks client_credentials refresh signin userinfo introspection revocation context-hit \
context-miss profile-get-hit profile-get-miss profile-put token-concurrency authorization-rows soak-1000 queries"

if [ "${1:-}" = "--list" ]; then
  echo "$ALL_SCENARIOS launch"
  exit 0
fi
SCENARIOS="${*:-$ALL_SCENARIOS}"
for s in $SCENARIOS; do
  case " $ALL_SCENARIOS launch " in *" $s "*) ;; *) echo "unknown scenario: $s (bench/run.sh --list)" >&2; exit 2 ;; esac
done

RESULTS="$WORK/results"
LOGS="$WORK/logs"
# BENCH_KEEP_RESULTS=1 adds to the previous run's results (a scenario measured again replaces its old line in the
# report); otherwise every run starts clean.
if [ "${BENCH_KEEP_RESULTS:-0}" != "1" ]; then rm -rf "$RESULTS" "$WORK/pg-stats"; fi
rm -rf "$LOGS" "$WORK/infra"
mkdir -p "$RESULTS" "$LOGS" "$WORK/windows" "$WORK/pg-stats"
if [ ! -s "$RESULTS/results.tsv" ]; then
  printf 'scenario\tvariant\tconcurrency\tseconds\trequests\terrors\trps\tp50_ms\tp90_ms\tp99_ms\tmax_ms\ttool\tother_cpu_pct\tbusy_cpu_pct\tauth_rss_mib\tapi_rss_mib\n' \
    > "$RESULTS/results.tsv"
fi
touch "$RESULTS/meta.tsv"
: > "$RESULTS/skipped.tsv"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
meta() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS/meta.tsv"; }
skip() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS/skipped.tsv"; log "NOT MEASURED $1: $2"; }

# --- tools ----------------------------------------------------------------------------------------------------------
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# --- build ----------------------------------------------------------------------------------------------------------
build() {
  if [ "${BENCH_SKIP_BUILD:-0}" = "1" ]; then return; fi
  log "building auth-server, resource-api and the harness"
  ./mvnw -B -q -DskipTests package -pl auth-server,resource-api,benchmarks -am
}

CP=""
harness() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP" ai.physical.textbook.bench.Main "$@"; }
loadgen() { java -cp "$CP" ai.physical.textbook.bench.Main "$@"; }

# --- processes ------------------------------------------------------------------------------------------------------
INFRA_PID=""; AUTH_PID=""; API_PID=""
cleanup() {
  set +e
  for pid in $API_PID $AUTH_PID; do kill "$pid" 2>/dev/null; done
  for pid in $API_PID $AUTH_PID; do wait "$pid" 2>/dev/null; done
  if [ -n "$INFRA_PID" ]; then
    touch "$WORK/infra/infra.stop"
    wait "$INFRA_PID" 2>/dev/null
  fi
}
trap cleanup EXIT

start_infra() {
  log "starting PostgreSQL and Redis"
  harness infra "$WORK/infra" > "$LOGS/infra.log" 2>&1 &
  INFRA_PID=$!
  for _ in $(seq 1 600); do
    [ -f "$WORK/infra/infra.env" ] && break
    kill -0 "$INFRA_PID" 2>/dev/null || { cat "$LOGS/infra.log" >&2; exit 1; }
    sleep 0.1
  done
  # shellcheck disable=SC1091
  . "$WORK/infra/infra.env"
  export PGPASSWORD=postgres
  PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)
  "${PSQL[@]}" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
  meta "PostgreSQL" "$("${PSQL[@]}" -Atc 'SHOW server_version') (fsync/synchronous_commit ${PG_DURABLE}, shared_buffers $("${PSQL[@]}" -Atc 'SHOW shared_buffers'))"
  meta "Redis" "$(redis_version)"
}

redis_version() {
  exec 3<>"/dev/tcp/127.0.0.1/${REDIS_PORT}"
  printf 'INFO server\r\n' >&3
  local line version=""
  while IFS= read -r -t 2 line <&3; do
    case "$line" in redis_version:*) version="${line#redis_version:}"; version="${version%$'\r'}"; break ;; esac
  done
  exec 3>&-
  echo "redis-server ${version}"
}

# The secrets a deployment takes from its environment, made up for this run only.
KEK="$(head -c 32 /dev/urandom | base64)"
# Client secrets with 256 bits of entropy (the auth-server refuses shorter ones).
secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
SERVICE_SECRET="$(secret)"
INTROSPECT_SECRET="$(secret)"

# Client names and their environment variables, as the auth-server declares them (textbook.clients.*).
WEB_CLIENT="${BENCH_WEB_CLIENT:-textbook-web}"
WEB_REDIRECT="${BENCH_WEB_REDIRECT:-http://127.0.0.1:${API_PORT}/callback.html}" # never fetched: the flow stops at the redirect
WEB_SCOPE="${BENCH_WEB_SCOPE:-openid profile email}"
SERVICE_CLIENT="${BENCH_SERVICE_CLIENT:-textbook-service}"
SERVICE_SCOPE="${BENCH_SERVICE_SCOPE:-textbook.api}"
INTROSPECT_CLIENT="${BENCH_INTROSPECT_CLIENT:-resource-api}"
SERVICE_SECRET_ENV="${BENCH_SERVICE_SECRET_ENV:-TEXTBOOK_SERVICE_CLIENT_SECRET}"
INTROSPECT_SECRET_ENV="${BENCH_INTROSPECT_SECRET_ENV:-RESOURCE_API_CLIENT_SECRET}"
WEB_REDIRECT_ENV="${BENCH_WEB_REDIRECT_ENV:-TEXTBOOK_WEB_REDIRECT_URIS}"

app_env() {
  exec env SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/postgres" \
    SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=postgres \
    REDIS_URL="redis://127.0.0.1:${REDIS_PORT}" ISSUER_URL="$AUTH" JWK_SET_URI="$AUTH/oauth2/jwks" \
    TEXTBOOK_KEK="$KEK" "$SERVICE_SECRET_ENV=$SERVICE_SECRET" "$INTROSPECT_SECRET_ENV=$INTROSPECT_SECRET" \
    "$WEB_REDIRECT_ENV=$WEB_REDIRECT" MALLOC_ARENA_MAX=2 "$@"
}

# How the apps are launched: "deployed" (default) as the images and ./run start them, from the extracted jar with a
# class-data-sharing archive made by a training run (docs/deployment.md, "Start time"); "jar" as plain
# `java -jar <app>-exec.jar`. The first start (with the migrations) is always from the executable jar, since the
# training run needs a migrated database to go through a whole start.
LAUNCH="${BENCH_LAUNCH:-deployed}"
case "$LAUNCH" in deployed|jar) ;; *) echo "BENCH_LAUNCH must be deployed or jar" >&2; exit 2 ;; esac
declare -A DEPLOYED_JAR=() DEPLOYED_ARCHIVE=()

# prepare_deployed <name> <jar> <port>: extracts the jar and makes its archive, as the images' build does (the app
# must not be running: the training run starts it up to its refreshed context and exits).
prepare_deployed() {
  local name=$1 jar=$2 port=$3 dir="$WORK/deployed/$1"
  rm -rf "$dir"; mkdir -p "$dir"
  java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" > "$LOGS/$name-extract.log" 2>&1 \
    || { cat "$LOGS/$name-extract.log" >&2; exit 1; }
  local extracted
  extracted="$dir/app/$(basename "$jar")"
  log "$name: training run for its class-data-sharing archive"
  # shellcheck disable=SC2086
  ( app_env PORT="$port" java $APP_JAVA_OPTS -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh \
    -jar "$extracted" > "$LOGS/$name-training.log" 2>&1 ) \
    || { log "$name: training run failed"; tail -40 "$LOGS/$name-training.log" >&2; exit 1; }
  [ -s "$dir/app.jsa" ] || { log "$name: the training run wrote no archive"; exit 1; }
  DEPLOYED_JAR[$name]="$extracted"
  DEPLOYED_ARCHIVE[$name]="$dir/app.jsa"
}

# start_app <name> <jar> <port> [deployed|jar]: starts the app (as LAUNCH says unless told; "deployed" only once
# prepare_deployed has run), waits for readiness, sets <NAME>_PID and LAST_READY_MS.
LAST_READY_MS=0
start_app() {
  local name=$1 jar=$2 port=$3 how=${4:-$LAUNCH}
  local t0 pid launch=(-jar "$jar")
  if [ "$how" = deployed ] && [ -n "${DEPLOYED_JAR[$name]:-}" ]; then
    launch=(-XX:SharedArchiveFile="${DEPLOYED_ARCHIVE[$name]}" -jar "${DEPLOYED_JAR[$name]}")
  fi
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  app_env PORT="$port" java $APP_JAVA_OPTS "${launch[@]}" >> "$LOGS/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    # Until the port is open (Tomcat opens it last), a connection attempt by bash itself: starting a curl process
    # 50 times a second would take CPU from the start being measured on two cores.
    if { exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null && exec 3>&- \
        && curl -fsS -o /dev/null "http://127.0.0.1:${port}/actuator/health/readiness" 2>/dev/null; then
      LAST_READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
      log "$name ready in ${LAST_READY_MS} ms (pid $pid)"
      if [ "$name" = auth-server ]; then AUTH_PID=$pid; else API_PID=$pid; fi
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited during start; last lines of its log:"; tail -40 "$LOGS/$name.log" >&2; exit 1
    fi
    sleep 0.02
  done
  log "$name not ready after 60 s"; tail -40 "$LOGS/$name.log" >&2; exit 1
}

stop_app() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Total JIT compilation time (ms) of both apps so far. On two cores the C2 compiler of a Spring application is still
# busy minutes after start; a window measured while it compiles measures interpreted code (RSA signing ran ten times
# slower in a first run), so warm-ups last until this stops growing.
jit_ms() {
  local total=0 pid t
  for pid in ${AUTH_PID:-} ${API_PID:-}; do
    t=$(jstat -compiler "$pid" 2>/dev/null | awk 'NR == 2 { printf "%d", $4 * 1000 }')
    total=$(( total + ${t:-0} ))
  done
  echo "$total"
}

# settle <label> <log> <command...>: repeats a 10 s warm-up command while the JIT compiled for more than 0.3 s during the
# previous round, at most SETTLE_MAX seconds.
settle() {
  local label=$1 out=$2; shift 2
  local spent=0 before=0 after=0
  while [ "$spent" -lt "$SETTLE_MAX" ]; do
    before=$(jit_ms)
    "$@" >> "$out" 2>&1 || true
    spent=$(( spent + 10 ))
    after=$(jit_ms)
    if [ $(( after - before )) -lt 300 ]; then
      log "$label: JIT settled ($(( after - before )) ms of compilation in the last 10 s, ${spent} s of extra warm-up)"
      return 0
    fi
  done
  log "$label: JIT still compiling after ${spent} s of extra warm-up ($(( after - before )) ms in the last 10 s)"
}

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# --- measured windows -----------------------------------------------------------------------------------------------
WIN=""
window_begin() { # <name>
  WIN="$WORK/windows/$1"
  rm -rf "$WIN"; mkdir -p "$WIN"
  "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  harness monitor "$WIN" $((WARMUP + DURATION + SOAK + 600)) "${AUTH_PID:-0}" "${API_PID:-0}" $$ "$PG_PID" \
    > "$WIN/monitor.log" 2>&1 &
  MONITOR_PID=$!
  JIT_AT_BEGIN=$(jit_ms)
  JFR_ON=""
  for p in $PROFILE; do
    case "$1" in "$p"*) JFR_ON=1 ;; esac
  done
  if [ -n "$JFR_ON" ]; then
    mkdir -p "$WORK/jfr"
    for app in auth:$AUTH_PID api:$API_PID; do
      jcmd "${app#*:}" JFR.start name=bench settings=profile filename="$WORK/jfr/$1-${app%%:*}.jfr" >/dev/null 2>&1 || true
    done
  fi
  sleep 1 # the monitor's JVM starts before the window, not inside it
}

window_end() { # <name>: joins the load tool's line and the machine's columns into results.tsv
  touch "$WIN/window.end"
  wait "$MONITOR_PID" || true
  meta "JIT compilation during $1 (ms)" "$(( $(jit_ms) - JIT_AT_BEGIN ))"
  if [ -n "$JFR_ON" ]; then
    for app in auth:$AUTH_PID api:$API_PID; do
      jcmd "${app#*:}" JFR.stop name=bench >/dev/null 2>&1 || true
      if [ -s "$WORK/jfr/$1-${app%%:*}.jfr" ]; then
        harness jfr-top "$WORK/jfr/$1-${app%%:*}.jfr" 30 ai.physical > "$WORK/jfr/$1-${app%%:*}.txt" 2>&1 || true
      fi
    done
  fi
  if [ -s "$WIN/result.tsv" ]; then
    paste <(tr -d '\n' < "$WIN/result.tsv") <(cat "$WIN/machine.tsv" 2>/dev/null || printf 'nan\tnan\tnan\tnan\n') \
      >> "$RESULTS/results.tsv"
    log "result: $(tail -1 "$RESULTS/results.tsv")"
  else
    skip "$1" "the load tool wrote no result (see $LOGS)"
  fi
  "${PSQL[@]}" -c "\\copy (SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms, rows, shared_blks_hit, shared_blks_read, left(regexp_replace(query, '\\s+', ' ', 'g'), 300) AS query FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 15) TO '$WORK/pg-stats/$1.tsv' WITH (FORMAT csv, HEADER, DELIMITER E'\\t')" >/dev/null || true
}

# wrk_scenario <name> <variant> <connections> <url> [method] [body] [content-type] [authorization]
wrk_scenario() {
  local name=$1 variant=$2 conns=$3 url=$4 method=${5:-GET} body=${6:-} ctype=${7:-} authz=${8:-}
  local threads=2 duration=${WRK_DURATION:-$DURATION} warmup=${WRK_WARMUP:-$WARMUP}
  if [ "$conns" -lt 2 ]; then threads=1; fi
  log "wrk $name [$variant] c=$conns: warm-up ${warmup}s, measure ${duration}s"
  export WRK_METHOD="$method" WRK_BODY="$body" WRK_CONTENT_TYPE="$ctype" WRK_AUTHORIZATION="$authz" \
    WRK_SCENARIO="$name" WRK_VARIANT="$variant" WRK_CONNECTIONS="$conns"
  if [ "$warmup" -gt 0 ]; then
    WRK_RESULT="" wrk -t"$threads" -c"$conns" -d"${warmup}s" --timeout 30s -s bench/wrk/request.lua "$url" \
      > "$LOGS/wrk-$name-$variant-$conns-warmup.log" 2>&1 || true
    settle "$name" "$LOGS/wrk-$name-$variant-$conns-warmup.log" \
      env WRK_RESULT="" wrk -t"$threads" -c"$conns" -d10s --timeout 30s -s bench/wrk/request.lua "$url"
  fi
  window_begin "$name-$variant-$conns"
  touch "$WIN/window.start"
  WRK_RESULT="$WIN/result.tsv" wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 30s --latency \
    -s bench/wrk/request.lua "$url" > "$LOGS/wrk-$name-$variant-$conns.log" 2>&1 || true
  window_end "$name-$variant-$conns"
}

# java_scenario <name> <load-scenario> [key=value...]
java_scenario() {
  local name=$1 scenario=$2; shift 2
  log "java $name ($scenario): warm-up ${WARMUP}s, measure ${DURATION}s"
  # The multi-step scenarios reach code paths (sign-in pages, rotation, profile writes) no earlier warm-up ran: run
  # them unmeasured until the JIT settles, then measure (the load generator's own warm-up follows inside the window).
  settle "$name" "$LOGS/java-$name-warmup.log" loadgen load "$scenario" name="$name-warmup" c="$C" warmup=0 \
    duration=10 out="$WORK/settle-$name.tsv" "${LOAD_COMMON[@]}" "$@"
  window_begin "$name---$C"
  BENCH_WINDOW_DIR="$WIN" loadgen load "$scenario" name="$name" c="$C" warmup="$WARMUP" duration="$DURATION" \
    out="$WIN/result.tsv" "${LOAD_COMMON[@]}" "$@" > "$LOGS/java-$name.log" 2>&1 || true
  tail -3 "$LOGS/java-$name.log" >&2
  window_end "$name---$C"
}

# --- scenarios ------------------------------------------------------------------------------------------------------
has_path() { # <url> [method]: true when the server knows the path (anything but 404/405 without credentials)
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X "${2:-GET}" "$1")
  [ "$code" != "404" ] && [ "$code" != "405" ] && [ "$code" != "000" ]
}

USER_ACCESS_TOKEN=""; USER_ID=""; USER_TOKEN_AT=0
# The user's tokens for the single-request scenarios: signed in again when they are more than 5 minutes old, so that
# no scenario measures an access token that expired (15 minutes) during a long run.
user_tokens() {
  if [ -n "$USER_ACCESS_TOKEN" ] && [ $(( $(date +%s) - USER_TOKEN_AT )) -lt 300 ]; then return 0; fi
  local out
  if out=$(loadgen load tokens "${LOAD_COMMON[@]}" 2> "$LOGS/tokens.log"); then
    eval "$(grep -E '^(USER_ACCESS_TOKEN|USER_REFRESH_TOKEN|USER_ID)=' <<< "$out" | sed 's/=\(.*\)/="\1"/')"
    USER_TOKEN_AT=$(date +%s)
    return 0
  fi
  log "browser sign-in failed: $(tail -2 "$LOGS/tokens.log")"
  return 1
}

service_token_works() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$SERVICE_CLIENT:$SERVICE_SECRET" \
    -d grant_type=client_credentials -d "scope=$SERVICE_SCOPE" "$AUTH/oauth2/token")
  [ "$code" = "200" ]
}

basic() { printf 'Basic %s' "$(printf '%s:%s' "$1" "$2" | base64 -w0)"; }

# Restarts an app that is no longer running (a crash, or a process stopped by someone else on a shared machine),
# and says so in the report, so no scenario runs against a dead server.
ensure_apps() {
  if ! kill -0 "$AUTH_PID" 2>/dev/null; then
    meta "auth-server was not running before $1: restarted" "see logs/auth-server.log"
    log "auth-server is gone: restarting"; start_app auth-server "$AUTH_JAR" "$AUTH_PORT"
  fi
  if ! kill -0 "$API_PID" 2>/dev/null; then
    meta "resource-api was not running before $1: restarted" "see logs/resource-api.log"
    log "resource-api is gone: restarting"; start_app resource-api "$API_JAR" "$API_PORT"
  fi
}

run_scenario() {
  ensure_apps "$1"
  case "$1" in
    jmh)
      log "JMH: JWT validation and token signatures (forked JVMs; see each benchmark's annotations)"
      loadgen jmh -rf csv -rff "$RESULTS/jmh.csv" "${BENCH_JMH_INCLUDE:-JwtValidationBenchmark|TokenSignatureBenchmark}" \
        > "$LOGS/jmh.log" 2>&1 || skip jmh "JMH failed (see logs/jmh.log)"
      ;;
    discovery) wrk_scenario discovery - "$C" "$AUTH/.well-known/openid-configuration" ;;
    jwks) wrk_scenario jwks - "$C" "$AUTH/oauth2/jwks" ;;
    client_credentials)
      if service_token_works; then
        wrk_scenario client_credentials - "$C" "$AUTH/oauth2/token" POST "grant_type=client_credentials&scope=$SERVICE_SCOPE" \
          application/x-www-form-urlencoded "$(basic "$SERVICE_CLIENT" "$SERVICE_SECRET")"
      else skip client_credentials "client $SERVICE_CLIENT gets no token"; fi
      ;;
    refresh)
      if user_tokens && [ -n "${USER_REFRESH_TOKEN:-}" ]; then java_scenario refresh_token refresh
      else skip refresh_token "the browser sign-in gives no refresh token"; fi
      ;;
    signin)
      if user_tokens; then
        log "raw Argon2id rate, 2 threads (both cores), apps idle"
        window_begin "argon2id-raw"
        touch "$WIN/window.start"
        harness_hash > "$LOGS/hashrate.log" 2>&1 || true
        window_end "argon2id-raw"
        java_scenario browser_signin signin
      else skip browser_signin "the browser sign-in does not complete"; fi
      ;;
    userinfo)
      if user_tokens; then wrk_scenario userinfo - "$C" "$AUTH/userinfo" GET "" "" "Bearer $USER_ACCESS_TOKEN"
      else skip userinfo "no user token"; fi
      ;;
    introspection)
      if user_tokens; then
        wrk_scenario introspection - "$C" "$AUTH/oauth2/introspect" POST "token=$USER_ACCESS_TOKEN" \
          application/x-www-form-urlencoded "$(basic "$INTROSPECT_CLIENT" "$INTROSPECT_SECRET")"
      else skip introspection "no user token"; fi
      ;;
    revocation)
      if service_token_works; then
        java_scenario revocation revoke pool=$(( (WARMUP + DURATION) * ${BENCH_REVOKE_RATE:-1500} ))
      else skip revocation "client $SERVICE_CLIENT gets no token"; fi
      ;;
    context-hit)
      if user_tokens && has_path "$API$CONTEXT_PATH"; then
        curl -s -o /dev/null -H "Authorization: Bearer $USER_ACCESS_TOKEN" "$API$CONTEXT_PATH"
        wrk_scenario context_cache_hit - "$C" "$API$CONTEXT_PATH" GET "" "" "Bearer $USER_ACCESS_TOKEN"
      else skip context_cache_hit "resource-api has no $CONTEXT_PATH yet"; fi
      ;;
    context-miss)
      if user_tokens && has_path "$API$CONTEXT_PATH"; then
        java_scenario context_cache_miss get-miss url="$API$CONTEXT_PATH" redisKey="$CONTEXT_KEY" redisPort="$REDIS_PORT"
      else skip context_cache_miss "resource-api has no $CONTEXT_PATH yet"; fi
      ;;
    profile-get-hit)
      if user_tokens && has_path "$AUTH/api/profile/$USER_ID"; then
        curl -s -o /dev/null -H "Authorization: Bearer $USER_ACCESS_TOKEN" "$AUTH/api/profile/$USER_ID"
        wrk_scenario profile_get_cache_hit - "$C" "$AUTH/api/profile/$USER_ID" GET "" "" "Bearer $USER_ACCESS_TOKEN"
      else skip profile_get_cache_hit "auth-server has no /api/profile/{userId} yet"; fi
      ;;
    profile-get-miss)
      if user_tokens && has_path "$AUTH/api/profile/$USER_ID"; then
        java_scenario profile_get_cache_miss get-miss url="$AUTH/api/profile/{userId}" \
          redisKey="textbook:profile:{userId}" redisPort="$REDIS_PORT"
      else skip profile_get_cache_miss "auth-server has no /api/profile/{userId} yet"; fi
      ;;
    profile-put)
      if user_tokens && has_path "$AUTH/api/profile/$USER_ID" PUT; then
        java_scenario profile_put put url="$AUTH/api/profile/{userId}" body="$ROOT/bench/profile-put.json"
      else skip profile_put "auth-server has no PUT /api/profile/{userId} yet"; fi
      ;;
    token-concurrency)
      if service_token_works; then
        for conns in $SWEEP; do
          WRK_WARMUP=$(( WARMUP < 10 ? WARMUP : 10 )) wrk_scenario client_credentials sweep "$conns" \
            "$AUTH/oauth2/token" POST "grant_type=client_credentials&scope=$SERVICE_SCOPE" application/x-www-form-urlencoded \
            "$(basic "$SERVICE_CLIENT" "$SERVICE_SECRET")"
        done
      else skip token-concurrency "client $SERVICE_CLIENT gets no token"; fi
      ;;
    authorization-rows)
      if service_token_works && [ -n "$("${PSQL[@]}" -Atc "SELECT to_regclass('$AUTHORIZATION_TABLE')")" ]; then
        for rows in $ROWS; do
          log "authorization table -> $rows rows"
          # The template is a real client_credentials family, written by a token request just before.
          curl -s -o /dev/null -u "$SERVICE_CLIENT:$SERVICE_SECRET" -d grant_type=client_credentials \
            -d "scope=$SERVICE_SCOPE" "$AUTH/oauth2/token"
          harness fill-authorizations "$JDBC_URL" "$AUTHORIZATION_TABLE" "$rows" "$AUTHORIZATION_CHILD" \
            "$AUTHORIZATION_CHILD_FK" "$AUTHORIZATION_TEMPLATE" >> "$LOGS/fill.log" 2>&1 \
            || { log "filling failed: $(tail -3 "$LOGS/fill.log")"; continue; }
          local label=$rows
          case $rows in 1000000) label=1M ;; 100000) label=100k ;; esac
          wrk_scenario client_credentials "rows=$label" "$C" "$AUTH/oauth2/token" POST "grant_type=client_credentials&scope=$SERVICE_SCOPE" \
            application/x-www-form-urlencoded "$(basic "$SERVICE_CLIENT" "$SERVICE_SECRET")"
          meta "authorization rows after rows=$label run" "$("${PSQL[@]}" -Atc "SELECT count(*) FROM $AUTHORIZATION_TABLE")"
        done
      else skip authorization-rows "no $AUTHORIZATION_TABLE table or no service client"; fi
      ;;
    soak-1000)
      if service_token_works; then
        meta "auth-server RSS before the 1,000-connection soak (MiB)" "$(rss_mib "$AUTH_PID")"
        WRK_WARMUP=0 WRK_DURATION=$SOAK wrk_scenario client_credentials soak 1000 "$AUTH/oauth2/token" POST \
          "grant_type=client_credentials&scope=$SERVICE_SCOPE" application/x-www-form-urlencoded "$(basic "$SERVICE_CLIENT" "$SERVICE_SECRET")"
        sleep 5
        meta "auth-server RSS 5 s after the soak (MiB)" "$(rss_mib "$AUTH_PID")"
      else skip soak-1000 "client $SERVICE_CLIENT gets no token"; fi
      ;;
    queries) explain_queries ;;
    launch) ;;
  esac
}

harness_hash() {
  # The raw hash rate, with both cores, from the harness (same Argon2id parameters as the auth-server).
  java -cp "$CP" ai.physical.textbook.bench.Main hashrate 2 "$DURATION" "$WIN/result.tsv"
}

explain_queries() {
  log "query plans of the hot queries"
  {
    echo "# EXPLAIN (ANALYZE, BUFFERS) of the hot queries, $(date -u +%FT%TZ)"
    local middle user_id email
    middle=$(( $(wc -l < "$WORK/users.tsv") / 2 + 1 ))
    user_id=$(sed -n "${middle}p" "$WORK/users.tsv" | cut -f1)
    email=$(sed -n "${middle}p" "$WORK/users.tsv" | cut -f2)
    "${PSQL[@]}" -e -v ON_ERROR_STOP=0 -v user_id="$user_id" -v email="$email" -f bench/sql/explain.sql 2>&1 || true
  } > "$RESULTS/explain.txt"
  {
    echo "# pg_stat_statements, top statements per scenario (calls, total ms, mean ms, rows, blocks hit/read)"
    for f in "$WORK"/pg-stats/*.tsv; do
      [ -s "$f" ] || continue
      echo; echo "## $(basename "$f" .tsv)"; cat "$f"
    done
  } > "$RESULTS/pg_stat_statements.txt"
}

# --- main -----------------------------------------------------------------------------------------------------------
# One function, parsed whole before it runs: editing this file during a run cannot change the running run.
main() {
  ensure_tools
  build
  # A copy of the harness jar, so rebuilding the project during a run cannot change the classes under a running JVM.
  cp "$ROOT/benchmarks/target/benchmarks.jar" "$WORK/benchmarks.jar"
  CP="$WORK/benchmarks.jar:$(cat "$ROOT/benchmarks/target/classpath.txt")"
  AUTH_JAR="${BENCH_AUTH_JAR:-$ROOT/auth-server/target/auth-server-exec.jar}"
  API_JAR="${BENCH_API_JAR:-$ROOT/resource-api/target/resource-api-exec.jar}"
  CONTEXT_PATH="${BENCH_CONTEXT_PATH:-/api/personalization/context}"
  CONTEXT_KEY="${BENCH_CONTEXT_KEY:-textbook:context:{userId}}"
  AUTHORIZATION_TABLE="${BENCH_AUTHORIZATION_TABLE:-identity.oauth2_authorization}"
  AUTHORIZATION_CHILD="${BENCH_AUTHORIZATION_CHILD:-identity.oauth2_authorization_token}"
  AUTHORIZATION_CHILD_FK="${BENCH_AUTHORIZATION_CHILD_FK:-authorization_id}"
  AUTHORIZATION_TEMPLATE="authorization_grant_type = 'client_credentials'"
  if [ -n "${BENCH_AUTHORIZATION_TEMPLATE:-}" ]; then AUTHORIZATION_TEMPLATE="$BENCH_AUTHORIZATION_TEMPLATE"; fi

  meta "date" "$(date -u +%FT%TZ)"
  meta "commit" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  meta "CPU" "$(nproc) x $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  meta "memory" "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  meta "kernel" "$(uname -r)"
  meta "Java" "$(java -version 2>&1 | head -2 | tail -1)"
  meta "app JVM options" "${APP_JAVA_OPTS:-(none: JVM defaults)}; environment MALLOC_ARENA_MAX=2"
  meta "app launch" "$( [ "$LAUNCH" = deployed ] && echo "as deployed: java <options> -XX:SharedArchiveFile=<training run's archive> -jar <extracted jar> (first start, and every start with BENCH_RESTART=0: java -jar)" || echo "java <options> -jar <app>-exec.jar" )"
  meta "load generators" "$(wrk -v 2>&1 | head -1 | awk '{ print "wrk", $2 }'); Java HttpClient closed loop (benchmarks module)"
  meta "warm-up / measured" "${GLOBAL_WARMUP} s once, then ${WARMUP} s / ${DURATION} s per scenario; c = ${C} unless noted"

  start_infra
  start_app auth-server "$AUTH_JAR" "$AUTH_PORT"
  meta "auth-server first launch to ready, with migrations (ms)" "$LAST_READY_MS"
  start_app resource-api "$API_JAR" "$API_PORT"
  meta "resource-api first launch to ready, with migrations (ms)" "$LAST_READY_MS"

  log "loading $USERS users with complete profiles"
  harness seed "$JDBC_URL" "$USERS" "$PASSWORD" "$WORK/users.tsv" > "$LOGS/seed.log" 2>&1 \
    || { cat "$LOGS/seed.log" >&2; exit 1; }
  meta "data" "$(tail -1 "$LOGS/seed.log")"

  # Launch to ready on a migrated database, the figure a restart or a scale-out sees (BENCH_RESTART=0 skips it).
  # Both ways: plain `java -jar`, then as deployed (extracted jar + class-data-sharing archive), which then serves the
  # scenarios. Each app starts alone.
  if [ "${BENCH_RESTART:-1}" = "1" ]; then
    stop_app "$API_PID"; stop_app "$AUTH_PID"
    if [ "$LAUNCH" = deployed ]; then
      prepare_deployed auth-server "$AUTH_JAR" "$AUTH_PORT"
      prepare_deployed resource-api "$API_JAR" "$API_PORT"
    fi
    sleep 2
    start_app auth-server "$AUTH_JAR" "$AUTH_PORT" jar
    meta "auth-server launch to ready, plain java -jar (ms)" "$LAST_READY_MS"
    start_app resource-api "$API_JAR" "$API_PORT" jar
    meta "resource-api launch to ready, plain java -jar (ms)" "$LAST_READY_MS"
    if [ "$LAUNCH" = deployed ]; then
      stop_app "$API_PID"; stop_app "$AUTH_PID"
      sleep 2
      start_app auth-server "$AUTH_JAR" "$AUTH_PORT"
      meta "auth-server launch to ready, as deployed: extracted jar + class-data-sharing archive (ms)" "$LAST_READY_MS"
      start_app resource-api "$API_JAR" "$API_PORT"
      meta "resource-api launch to ready, as deployed: extracted jar + class-data-sharing archive (ms)" "$LAST_READY_MS"
    fi
  fi
  sleep 10
  meta "auth-server RSS idle after start (MiB)" "$(rss_mib "$AUTH_PID")"
  meta "resource-api RSS idle after start (MiB)" "$(rss_mib "$API_PID")"

  LOAD_COMMON=(auth="$AUTH" webClient="$WEB_CLIENT" redirectUri="$WEB_REDIRECT" scope="$WEB_SCOPE"
    users="$WORK/users.tsv" password="$PASSWORD" serviceClient="$SERVICE_CLIENT" serviceSecret="$SERVICE_SECRET"
    serviceScope="$SERVICE_SCOPE")

  if [ "$SCENARIOS" != "launch" ] && [ "$GLOBAL_WARMUP" -gt 0 ]; then
    log "global warm-up: ${GLOBAL_WARMUP} s of discovery, JWKS and tokens"
    third=$(( GLOBAL_WARMUP / 3 ))
    WRK_METHOD=GET WRK_SCENARIO=warmup WRK_RESULT="" wrk -t2 -c"$C" -d"${third}s" -s bench/wrk/request.lua \
      "$AUTH/.well-known/openid-configuration" > "$LOGS/warmup.log" 2>&1 || true
    WRK_METHOD=GET WRK_SCENARIO=warmup WRK_RESULT="" wrk -t2 -c"$C" -d"${third}s" -s bench/wrk/request.lua \
      "$AUTH/oauth2/jwks" >> "$LOGS/warmup.log" 2>&1 || true
    if service_token_works; then
      WRK_METHOD=POST WRK_BODY="grant_type=client_credentials&scope=$SERVICE_SCOPE" WRK_CONTENT_TYPE=application/x-www-form-urlencoded \
        WRK_AUTHORIZATION="$(basic "$SERVICE_CLIENT" "$SERVICE_SECRET")" WRK_SCENARIO=warmup WRK_RESULT="" \
        wrk -t2 -c"$C" -d"${third}s" -s bench/wrk/request.lua "$AUTH/oauth2/token" >> "$LOGS/warmup.log" 2>&1 || true
      settle "global warm-up" "$LOGS/warmup.log" env WRK_METHOD=POST \
        WRK_BODY="grant_type=client_credentials&scope=$SERVICE_SCOPE" WRK_CONTENT_TYPE=application/x-www-form-urlencoded \
        WRK_AUTHORIZATION="$(basic "$SERVICE_CLIENT" "$SERVICE_SECRET")" WRK_SCENARIO=warmup WRK_RESULT="" \
        wrk -t2 -c"$C" -d10s -s bench/wrk/request.lua "$AUTH/oauth2/token"
    fi
  fi

  for s in $SCENARIOS; do
    run_scenario "$s"
  done

  meta "auth-server RSS at the end (MiB)" "$(rss_mib "$AUTH_PID")"
  meta "resource-api RSS at the end (MiB)" "$(rss_mib "$API_PID")"
  if [ -s "$RESULTS/skipped.tsv" ]; then
    while IFS=$'\t' read -r name reason; do meta "not measured: $name" "$reason"; done < "$RESULTS/skipped.tsv"
  fi
  harness report "$RESULTS" "$DOCS"
  log "done: $DOCS/results.md"
}

main "$@"; exit $?
