-- One HTTP request per iteration, configured from the environment by bench/run.sh:
--   WRK_METHOD, WRK_BODY, WRK_CONTENT_TYPE, WRK_AUTHORIZATION, WRK_ACCEPT  the request
--   WRK_SCENARIO, WRK_VARIANT, WRK_CONNECTIONS, WRK_RESULT                 where and how to write the result line
-- done() writes one line in the format of the Java load generator (see Result.java), latencies in ms.

wrk.method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
if body ~= nil and body ~= "" then
  wrk.body = body
end
local content_type = os.getenv("WRK_CONTENT_TYPE")
if content_type ~= nil and content_type ~= "" then
  wrk.headers["Content-Type"] = content_type
end
local authorization = os.getenv("WRK_AUTHORIZATION")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end
wrk.headers["Accept"] = os.getenv("WRK_ACCEPT") or "application/json"

done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  local line = string.format("%s\t%s\t%d\t%.2f\t%d\t%d\t%.1f\t%.3f\t%.3f\t%.3f\t%.3f\twrk",
    os.getenv("WRK_SCENARIO") or "unnamed", os.getenv("WRK_VARIANT") or "-",
    tonumber(os.getenv("WRK_CONNECTIONS") or "0"), seconds, summary.requests, errors,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000)
  io.stderr:write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    e.connect, e.read, e.write, e.status, e.timeout))
  local out = os.getenv("WRK_RESULT")
  if out ~= nil and out ~= "" then
    local file = assert(io.open(out, "w"))
    file:write(line .. "\n")
    file:close()
  end
  print(line)
end
