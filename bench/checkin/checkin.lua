-- wrk script: each request is the first scan of a distinct valid ticket code, as at the door at opening time.
-- Codes are generated as in seed.py: "B" + the request number in base 32 over the ticket alphabet, 27 digits.
local alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
local cookie = os.getenv("EVENTS_COOKIE")
local offset = tonumber(os.getenv("CODE_OFFSET") or "0") -- the warm-up uses codes the measured run does not reach
local threads, next_id = 0, 0

-- Only the last 6 digits vary below 32^6 codes; the leading zeros ("2"s) are a constant, so the load generator
-- spends its time sending requests rather than building codes.
local zeros = string.rep("2", 21)
local function code(i)
  local digits = {}
  for k = 6, 1, -1 do
    local d = i % 32
    digits[k] = alphabet:sub(d + 1, d + 1)
    i = (i - d) / 32
  end
  return "B" .. zeros .. table.concat(digits)
end

function setup(thread)
  thread:set("first", next_id)
  next_id = next_id + 1
  threads = next_id
end

function init(args)
  counter = first + offset
  step = tonumber(os.getenv("WRK_THREADS") or "2")
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = cookie
end

function request()
  local c = code(counter)
  counter = counter + step
  return wrk.format("POST", "/api/v1/checkins", nil,
    '{"code":"' .. c .. '","nonce":"n' .. c .. '","device":"Door ' .. (first + 1) .. '"}')
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("checkins: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d, socket errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
