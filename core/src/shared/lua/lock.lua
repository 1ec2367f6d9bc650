-- Takes a lease on a lock (one token renewal across processes).
-- KEYS[1]: the lock; ARGV[1]: the holder's id; ARGV[2]: the lease in ms.
-- Returns 1 when the caller now holds it, 0 when another holder does.
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0
