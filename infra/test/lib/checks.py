#!/usr/bin/env python3
"""HTTP-level checks of the system tests (the orchestration is bash, in infra/test/run-all).

  checks.py signup BASE USER PASSWORD
  checks.py roundrobin BASE USER PASSWORD LOG1 LOG2 [N]
  checks.py static BASE STATIC_DIR APP_LOG...
  checks.py stats STATS_URL USER PASSWORD_FILE NAME...
  checks.py stream BASE USER PASSWORD STOP_FILE REPORT_FILE
  checks.py pages BASE USER PASSWORD [ROUNDS]
Each prints what it proved and exits 1 with the reason on the first failed assertion.
"""
import base64
import json
import os
import secrets
import sys
import threading
import time
import urllib.error
import urllib.request

from postbox_client import LIST_PATH, Client


def fail(msg):
    print("FAILED: " + msg)
    sys.exit(1)


def count_lines(path, needle):
    try:
        with open(path, errors="replace") as fh:
            return sum(1 for line in fh if needle in line)
    except FileNotFoundError:
        return 0


def signup(base, user, password):
    """A new account through the sign-up page; it is logged in at once and sees its empty list."""
    c = Client(base)
    c.signup(user, f"{user}@example.com", password)
    r = c.list_posts()
    if r.status != 200 or "No posts yet." not in r.text:
        fail(f"after sign-up, {LIST_PATH} answered {r.status} without the empty list (instance {r.instance})")
    print(f"signed up {user} through the sign-up page (instance {r.instance})")


def roundrobin(base, user, password, log1, log2, n="8"):
    """Logged-in requests through the load balancer alternate between the two instances, as
    the instances' own access logs show, and the session holds on both."""
    logs = {"app1": log1, "app2": log2}
    c = Client(base)
    c.login(user, password)
    marker = "rr-" + secrets.token_hex(6)
    c.create_post(marker)
    seen = []
    for i in range(int(n)):
        before = {k: count_lines(v, LIST_PATH) for k, v in logs.items()}
        r = c.list_posts()
        if r.status != 200 or marker not in r.text:
            fail(f"request {i}: status {r.status}, own post {'shown' if marker in r.text else 'missing'} "
                 f"(instance {r.instance}): the session did not hold")
        grew = []
        for _ in range(40):  # the access log line may be written just after the response
            grew = [k for k, v in logs.items() if count_lines(v, LIST_PATH) > before[k]]
            if grew:
                break
            time.sleep(0.05)
        if len(grew) != 1:
            fail(f"request {i}: access logs that grew: {grew}")
        seen.append(grew[0])
        if r.instance and r.instance != grew[0]:
            fail(f"request {i}: header says {r.instance}, access log says {grew[0]}")
    for a, b in zip(seen, seen[1:]):
        if a == b:
            fail(f"two consecutive requests on {a}: {seen}")
    print(f"logged-in list requests alternated {seen}; the session held on both")


def static(base, static_dir, *app_logs):
    with open(os.path.join(static_dir, "staticfiles.json")) as fh:
        manifest = json.load(fh)
    paths = manifest.get("paths", manifest)
    plain, hashed = next((k, v) for k, v in paths.items() if k.endswith(".css") or k.endswith(".js"))
    before = [count_lines(p, "/static/") for p in app_logs]
    c = Client(base)
    r = c.get("/static/" + hashed, headers={"Accept-Encoding": "gzip"})
    if r.status != 200:
        fail(f"/static/{hashed} answered {r.status}")
    cc = r.headers.get("Cache-Control", "")
    if "immutable" not in cc or "max-age=31536000" not in cc:
        fail(f"hashed file Cache-Control is {cc!r}")
    if r.headers.get("Content-Encoding") != "gzip":
        fail("hashed file not gzip-encoded although the client accepts gzip")
    r2 = c.get("/static/" + plain)
    with open(os.path.join(static_dir, plain), "rb") as fh:
        if r2.status != 200 or r2.body != fh.read():
            fail(f"/static/{plain}: status {r2.status} or body differs from the collected file")
    cc2 = r2.headers.get("Cache-Control", "")
    if "immutable" in cc2:
        fail(f"unhashed file is cached as immutable: {cc2!r}")
    if c.get("/static/does-not-exist.css").status != 404:
        fail("a missing static file did not answer 404")
    time.sleep(0.5)
    after = [count_lines(p, "/static/") for p in app_logs]
    if after != before:
        fail(f"the app's access log saw /static/ requests ({before} -> {after})")
    print(f"/static/{hashed} ({cc}, gzip) and /static/{plain} ({cc2}) served by nginx; "
          f"the app logs saw no /static/ request")


def stats(url, user, password_file, *names):
    with open(password_file) as fh:
        password = fh.read().strip()

    def fetch(auth):
        req = urllib.request.Request(url)
        if auth:
            req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, ""

    if fetch(None)[0] != 401:
        fail("stats page answered without credentials")
    if fetch(f"{user}:wrong-{secrets.token_hex(4)}")[0] != 401:
        fail("stats page answered with a wrong password")
    status, page = fetch(f"{user}:{password}")
    if status != 200:
        fail(f"stats page answered {status} with the right credentials")
    missing = [n for n in names if n not in page]
    if missing:
        fail(f"stats page does not show {missing}")
    print(f"stats page: 401 without / with wrong credentials; shows {list(names)} with them")


def stream(base, user, password, stop_file, report_file, threads="4"):
    """GETs of logged-in pages until STOP_FILE exists; every answer must be a 200."""
    results = {"ok": 0, "failed": [], "instances": {}}
    lock = threading.Lock()

    def worker():
        c = Client(base, timeout=15)
        try:
            c.login(user, password)
        except Exception as e:
            with lock:
                results["failed"].append(f"login: {e}")
            return
        while not os.path.exists(stop_file):
            try:
                r = c.list_posts()
                ok, inst = r.status == 200, r.instance
                detail = f"status {r.status}"
            except Exception as e:  # a socket error is a failed request too
                ok, inst, detail = False, None, type(e).__name__
            with lock:
                if ok:
                    results["ok"] += 1
                    results["instances"][inst] = results["instances"].get(inst, 0) + 1
                else:
                    results["failed"].append(f"{time.strftime('%H:%M:%S')} {detail}")

    ts = [threading.Thread(target=worker) for _ in range(int(threads))]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    with open(report_file, "w") as fh:
        json.dump(results, fh)


def pages(base, user, password, rounds="1"):
    """Logs in, creates a post and sees it listed, ROUNDS times with a fresh session each (works
    whichever database replica is up); the rounds must reach both instances when ROUNDS > 1."""
    seen = set()
    for i in range(int(rounds)):
        c = Client(base)
        c.login(user, password)
        marker = "pg-" + secrets.token_hex(6)
        c.create_post(marker)
        r = c.list_posts()
        if r.status != 200 or marker not in r.text:
            fail(f"round {i}: list after create: status {r.status}, post {'shown' if marker in r.text else 'missing'} "
                 f"(instance {r.instance})")
        seen.add(r.instance)
    if int(rounds) > 1 and len(seen) < 2:
        fail(f"{rounds} rounds all answered by {seen}")
    print(f"login, create and list worked {rounds} time(s) (instances {sorted(seen)})")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"signup": signup, "roundrobin": roundrobin, "static": static, "stats": stats, "stream": stream, "pages": pages}[cmd](*args)
