-- Writes a shared value with a lifetime.
-- KEYS[1]: its key; ARGV[1]: the value; ARGV[2]: the lifetime in ms.
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
