#!/usr/bin/env python3
"""Walk every v1 transaction page sequentially and time it.

Usage: walk_v1.py BASE_URL TOKEN [LIMIT]

Uses the since_id cursor (default --v1-order asc) with limit=5000 over one
keep-alive connection, reads each body fully, counts the items and takes the
next cursor from the last id. Start the sandbox with --rate-limit 0.
"""
import http.client
import re
import sys
import time
import urllib.parse

ID = re.compile(rb'"id":"(\d+)"')


def main() -> None:
    base, token = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port)
    headers = {"Authorization": f"Bearer {token}"}
    since, pages, total, size = 1, 0, 0, 0
    start = time.perf_counter()
    while True:
        conn.request("GET", f"/userapi/transactions/list?since_id={since}&limit={limit}", headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            sys.exit(f"HTTP {resp.status}: {body[:200]!r}")
        n = body.count(b'"id":"')
        if n == 0:
            break
        last = ID.findall(body[-1000:])[-1]
        since = int(last) + 1
        pages += 1
        total += n
        size += len(body)
    elapsed = time.perf_counter() - start
    print(f"pages={pages} transactions={total} bytes={size} seconds={elapsed:.2f}")


if __name__ == "__main__":
    main()
