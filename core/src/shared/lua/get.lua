-- Reads a shared value (the newest token). KEYS[1]: its key. Nil when absent.
return redis.call('GET', KEYS[1])
