-- Shared send slots (GCRA) for every process of one SePay limit scope.
-- KEYS[1]: the scope's theoretical arrival time (µs, Redis clock)
-- KEYS[2]: the pause of one API surface (µs, until when; a 429 sets it)
-- ARGV[1]: emission interval in µs (0: no spacing, pauses only)
-- ARGV[2]: burst (slots that may be taken at once, >= 1)
-- ARGV[3]: the longest wait the caller accepts in µs (-1: any)
-- Returns {reserved, wait_us}: reserved = 1 when the slot is the caller's
-- (send after wait_us), 0 when it lies beyond ARGV[3] (nothing reserved).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local max_wait = tonumber(ARGV[3])
local start = now
local pause = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
if pause > start then start = pause end
local tat = now
if interval > 0 then
  tat = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
  if tat < now then tat = now end
  local allowed_at = tat - (burst - 1) * interval
  if allowed_at > start then start = allowed_at end
end
local wait = start - now
if max_wait >= 0 and wait > max_wait then return {0, wait} end
if interval > 0 then
  if start > tat then tat = start end
  local next_tat = tat + interval
  local ttl_ms = math.floor((next_tat - now) / 1000) + 1000
  redis.call('SET', KEYS[1], string.format('%.0f', next_tat), 'PX', ttl_ms)
end
return {1, wait}
