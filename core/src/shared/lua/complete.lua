-- Marks a webhook delivery's key handled, remembered for ARGV[1] ms.
-- KEYS[1]: the key.
redis.call('SET', KEYS[1], 'done', 'PX', ARGV[1])
return 1
