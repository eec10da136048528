-- One request shape per run, configured from the environment (so tokens never show in `ps`):
--   BENCH_METHOD (GET), BENCH_PATH (/), BENCH_COOKIE, BENCH_BODY, BENCH_CONTENT_TYPE,
--   BENCH_EXPECT  the status every response must have (e.g. 200, 302, 303)
--   BENCH_OUT     where done() writes the run's figures as one JSON object
-- A response with another status counts as an error, and so does every socket error: either
-- makes the run invalid (a fast run of 403s or login redirects measures nothing).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  good = 0
  bad = 0
  bad_statuses = ""
  expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
  local headers = {}
  local cookie = os.getenv("BENCH_COOKIE")
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  local ctype = os.getenv("BENCH_CONTENT_TYPE")
  if ctype and ctype ~= "" then headers["Content-Type"] = ctype end
  local body = os.getenv("BENCH_BODY")
  if body == "" then body = nil end
  req = wrk.format(os.getenv("BENCH_METHOD") or "GET", os.getenv("BENCH_PATH") or "/", headers, body)
end

function request()
  return req
end

function response(status, headers, body)
  if status == expect then
    good = good + 1
  else
    bad = bad + 1
    -- a few distinct statuses are enough to say what went wrong
    if #bad_statuses < 60 and not string.find(bad_statuses, tostring(status), 1, true) then
      bad_statuses = bad_statuses .. tostring(status) .. " "
    end
  end
end

function done(summary, latency, requests)
  local good_total, bad_total, statuses = 0, 0, ""
  for _, t in ipairs(threads) do
    good_total = good_total + (t:get("good") or 0)
    bad_total = bad_total + (t:get("bad") or 0)
    statuses = statuses .. (t:get("bad_statuses") or "")
  end
  local e = summary.errors
  local expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
  local seconds = summary.duration / 1e6
  local out = io.open(os.getenv("BENCH_OUT") or "/dev/stdout", "w")
  out:write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"bytes":%d,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,' ..
    '"expected_status":%d,"status_ok":%d,"status_bad":%d,"bad_statuses":"%s",' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    expect, good_total, bad_total, statuses,
    e.connect, e.read, e.write, e.timeout))
  out:close()
end
