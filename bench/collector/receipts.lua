-- wrk script: POST /consent with a fresh receipt per request (a repeated receiptId is an idempotent no-op, not
-- an insert), the same body size every time. Arguments after --: the run's nonce, then the kind of ids.
-- "sequential" (the default): receipt and consent ids are lower-case version-4-shaped UUIDs made of the nonce,
-- the wrk thread's number and a counter, so no two requests of a run share one, and each thread's ids grow:
-- the database appends to its indexes. "random": random version-4 UUIDs, as browsers send them
-- (crypto.randomUUID()): every insert lands on a random page of the receipt-id and consent-id indexes.
-- At the end it prints one line, "wrk-result {json}", that bench/collector/run.mjs reads.
local threads = {}
local counter = 0
local nonce = 0
local random_ids = false
-- thread_id and accepted are globals: wrk sets the one (thread:set) and reads the other (thread:get).
thread_id = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  nonce = tonumber(args[1] or "1") % 0x100000000
  random_ids = args[2] == "random"
  -- Each thread its own sequence: the nonce and the thread's number.
  math.randomseed(nonce * 64 + thread_id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local template = '{"receiptId":"%08x-%04x-4%03x-8%03x-%012x","id":"%08x-%04x-4%03x-8%03x-%012x",'
  .. '"ts":"%s","version":"2026-01","categories":{"necessary":true,"analytics":%s,"marketing":false},'
  .. '"services":{"matomo":%s,"youtube":false},"method":"custom","lang":"fr","path":"/fr/index.html"}'

-- The same body with each id given whole (random ids): same length, same shape.
local random_template = string.gsub(template, '"(%w+)":"%%08x%-%%04x%-4%%03x%-8%%03x%-%%012x"', '"%1":"%%s"')

local r = math.random
local function random_uuid()
  return string.format("%04x%04x-%04x-4%03x-%x%03x-%04x%04x%04x", r(0, 65535), r(0, 65535),
    r(0, 65535), r(0, 4095), r(8, 11), r(0, 4095), r(0, 65535), r(0, 65535), r(0, 65535))
end

function request()
  counter = counter + 1
  local ts = os.date("!%Y-%m-%dT%H:%M:%S.000Z")
  local yes = (counter % 2 == 0) and "true" or "false"
  local body
  if random_ids then
    body = string.format(random_template, random_uuid(), random_uuid(), ts, yes, yes)
  else
    body = string.format(template,
      nonce, thread_id, 0, 0, counter,
      nonce, thread_id, 1, 0, counter,
      ts, yes, yes)
  end
  return wrk.format(nil, nil, nil, body)
end

accepted = 0
function response(status, headers, body)
  if status == 202 then accepted = accepted + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("accepted") end
  io.write(string.format(
    'wrk-result {"requests":%d,"accepted":%d,"durationUs":%d,"connectErrors":%d,"readErrors":%d,' ..
    '"writeErrors":%d,"timeouts":%d,"non2xx":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, total, summary.duration, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status,
    latency:percentile(50), latency:percentile(99), latency.max))
end
