-- Pauses one API surface for every process (SePay answered 429).
-- KEYS[1]: the surface's pause key; ARGV[1]: the pause in µs.
-- A longer pause already set is kept. Returns the pause's end (µs).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local pause = tonumber(ARGV[1])
local until_us = now + pause
local current = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if current >= until_us then return current end
redis.call('SET', KEYS[1], string.format('%.0f', until_us), 'PX', math.floor(pause / 1000) + 1)
return until_us
