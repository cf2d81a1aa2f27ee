-- wrk script of bench/run.py: cycles through the requests prepared in the Lua file named by
-- BENCH_REQUESTS (GETs, or POSTs with a session cookie and a CSRF token), counts responses
-- whose status is not BENCH_EXPECT, and prints one JSON line with the results.

local entries = dofile(os.getenv("BENCH_REQUESTS"))
local expected = tonumber(os.getenv("BENCH_EXPECT") or "200")
local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
local threads = {}
local prepared = {}
local index = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for i, entry in ipairs(entries) do
    prepared[i] = wrk.format(entry.method, entry.path, entry.headers, entry.body)
  end
  index = offset % #prepared
  unexpected = 0
  seen = ""
end

function request()
  index = index % #prepared + 1
  return prepared[index]
end

function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
    if #seen < 120 then
      seen = seen .. status .. " "
    end
  end
end

function done(summary, latency, requests)
  local unexpected_total, statuses = 0, ""
  for _, thread in ipairs(threads) do
    unexpected_total = unexpected_total + thread:get("unexpected")
    statuses = statuses .. thread:get("seen")
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, ' ..
    '"read": %d, "write": %d, "timeout": %d, "status_errors": %d, "unexpected": %d, ' ..
    '"unexpected_statuses": "%s", "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read,
    errors.write, errors.timeout, errors.status, unexpected_total, statuses,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    latency.mean))
end
