-- Each request registers a new, unique e-mail address.
local counter = 0
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function request()
  counter = counter + 1
  local body = string.format('{"firstName":"Bench","lastName":"User","email":"t%d-%d-%d@bench.example","consent":true}', id, counter, math.random(1e9))
  return wrk.format("POST", "/api/v1/registrations", { ["Content-Type"] = "application/json" }, body)
end
