-- Gives up an open claim (handling failed); a handled key stays handled.
-- KEYS[1]: the key. Returns 1 when a claim was released.
if redis.call('GET', KEYS[1]) == 'claimed' then return redis.call('DEL', KEYS[1]) end
return 0
