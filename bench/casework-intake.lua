-- wrk script: POST a new case to the JSON API, each request with its own Idempotency-Key.
-- Authenticated by BENCH_TOKEN (a personal API token, "Authorization: Bearer"), or, when
-- it is not set, by BENCH_SESSIONS: "session:csrf,session:csrf,..." (one signed-in
-- browser session per wrk thread, each with its CSRF token). See casework-intake.sh.
local threads = {}
local sessions = {}
local token = os.getenv("BENCH_TOKEN")
for pair in string.gmatch(os.getenv("BENCH_SESSIONS") or "", "[^,]+") do
  local s, t = string.match(pair, "([^:]+):(.+)")
  table.insert(sessions, { session = s, csrf = t })
end

function setup(thread)
  local n = #threads + 1
  thread:set("id", n)
  if #sessions > 0 then
    local credentials = sessions[((n - 1) % #sessions) + 1]
    thread:set("session", credentials.session)
    thread:set("csrf", credentials.csrf)
  end
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  started = os.time()
  failures = 0
end

local village = os.getenv("BENCH_VILLAGE")

request = function()
  counter = counter + 1
  local body = string.format('{"villageId": %s, "source": "MORNING_MEETING", "type": "HELP", '
    .. '"category": "SANITATION", "urgency": "NORMAL", "title": "垃圾清运不及时 %d-%d-%d", '
    .. '"description": "河边垃圾点满了，两车都拉不完，味道很大", "location": "河堤东段", '
    .. '"reporterName": "李建国", "reporterPhone": "13900001111"}', village, started, id, counter)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", started, id, counter),
  }
  if token then
    headers["Authorization"] = "Bearer " .. token
  else
    headers["Cookie"] = "SESSION=" .. session
    headers["X-CSRF-TOKEN"] = csrf
  end
  return wrk.format("POST", "/api/v1/cases", headers, body)
end

response = function(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
  end
end

done = function(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
  end
  io.write(string.format("BENCH requests=%d non201=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, failed, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
