-- Claims a webhook delivery's key for a lease.
-- KEYS[1]: the key; ARGV[1]: the lease in ms.
-- Returns 'new' (the caller holds it), 'in_progress' (another delivery
-- holds an open lease) or 'done' (handled already).
local v = redis.call('GET', KEYS[1])
if v == 'done' then return 'done' end
if v then return 'in_progress' end
redis.call('SET', KEYS[1], 'claimed', 'PX', ARGV[1])
return 'new'
