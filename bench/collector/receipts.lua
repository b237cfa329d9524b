-- wrk script: POST /consent with a fresh receipt per request (a repeated receiptId is an idempotent no-op, not
-- an insert), the same body size every time. Arguments after --: the run's seed, then the kind of ids.
-- "v7" (the default): receipt and consent ids are UUID version 7 (RFC 9562), as garde's browsers make them:
-- 48 bits of Unix time in milliseconds, then 74 random bits, so ids grow with time and the database appends
-- to its indexes (ids of one millisecond land together, in random order). "random": random version-4 UUIDs,
-- as garde versions before v7 send them (crypto.randomUUID()): every insert lands on a random page of the
-- receipt-id and consent-id indexes.
-- At the end it prints one line, "wrk-result {json}", that bench/collector/run.mjs reads.
local ffi = require("ffi")
ffi.cdef([[
  typedef struct { long tv_sec; long tv_usec; } garde_timeval;
  int gettimeofday(garde_timeval *tv, void *tz);
]])
local timeval = ffi.new("garde_timeval")

local threads = {}
local counter = 0
local seed = 0
local random_ids = false
-- thread_id and accepted are globals: wrk sets the one (thread:set) and reads the other (thread:get).
thread_id = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  seed = tonumber(args[1] or "1") % 0x100000000
  random_ids = args[2] == "random"
  -- Each thread its own random sequence: the seed and the thread's number.
  math.randomseed(seed * 64 + thread_id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local template = '{"receiptId":"%s","id":"%s",'
  .. '"ts":"%s","version":"2026-01","categories":{"necessary":true,"analytics":%s,"marketing":false},'
  .. '"services":{"matomo":%s,"youtube":false},"method":"custom","lang":"fr","path":"/fr/index.html"}'

local r = math.random

-- A version-4 UUID: 122 random bits.
local function random_uuid()
  return string.format("%04x%04x-%04x-4%03x-%x%03x-%04x%04x%04x", r(0, 65535), r(0, 65535),
    r(0, 65535), r(0, 4095), r(8, 11), r(0, 4095), r(0, 65535), r(0, 65535), r(0, 65535))
end

-- A version-7 UUID: the Unix time in milliseconds (48 bits), the version, 12 random bits, the variant,
-- 62 random bits.
local function v7_uuid()
  ffi.C.gettimeofday(timeval, nil)
  local ms = tonumber(timeval.tv_sec) * 1000 + math.floor(tonumber(timeval.tv_usec) / 1000)
  return string.format("%08x-%04x-7%03x-%x%03x-%04x%04x%04x", math.floor(ms / 65536), ms % 65536,
    r(0, 4095), r(8, 11), r(0, 4095), r(0, 65535), r(0, 65535), r(0, 65535))
end

function request()
  counter = counter + 1
  local ts = os.date("!%Y-%m-%dT%H:%M:%S.000Z")
  local yes = (counter % 2 == 0) and "true" or "false"
  local uuid = random_ids and random_uuid or v7_uuid
  local body = string.format(template, uuid(), uuid(), ts, yes, yes)
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
