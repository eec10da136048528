#!/usr/bin/env python3
"""Load and verification halves of the acknowledged-writes checker (run, beside this file, starts
the topology and runs the fault schedule). Python 3 stdlib and the shared postbox_client.

  ack_writes.py load BASE_URL DIR CLIENTS USERS TIMEOUT_S THINK_MS
      Signs up USERS fresh users through the real sign-up form, writes DIR/users.json, starts
      CLIENTS threads that log in and create posts through BASE_URL (alternately the form,
      answered 303, and the JSON API, answered 201), each post's text carrying a unique id, and
      touches DIR/load.ready. Stops when DIR/load.stop appears. Every request and its answer
      (status or client-side error) is a line of DIR/requests.jsonl; a request still without an
      answer TIMEOUT_S + 10 s after the stop is written as unanswered.
  ack_writes.py verify BASE_URL DIR MIN_ACKED
      Reads every user's posts back through the API (all pages), checks them against
      DIR/requests.jsonl, writes DIR/report.json and prints a summary. Exit 0 only when no
      acknowledged post is missing, none appears twice, every request was answered in time, and
      at least MIN_ACKED creates were acknowledged.
"""
import json
import os
import secrets
import sys
import threading
import time

from postbox_client import CREATE_PATH, LIST_PATH, LOGIN_PATH, Client, api_posts_path

# Slack past the client timeout: the timeout is per socket operation, so a server that
# trickles bytes could stretch one request; beyond this it counts as a hang.
HANG_SLACK_S = 5.0
# A login hashes a password (a core for 0.1-0.4 s here, seconds on a busy machine): 16 clients
# logging in at once queued past the client timeout, so at most two log in at a time.
LOGINS = threading.BoundedSemaphore(2)


class Recorder:
    def __init__(self, path):
        self.fh = open(path, "a", buffering=1)
        self.lock = threading.Lock()
        self.in_flight = {}  # client -> the record being sent

    def begin(self, client, rec):
        rec["t0"] = time.time()
        with self.lock:
            self.in_flight[client] = rec
        return rec

    def end(self, client, rec, status=None, error=None, instance=None):
        rec.update(t1=time.time(), status=status, error=error, instance=instance)
        with self.lock:
            self.in_flight.pop(client, None)
            self.fh.write(json.dumps(rec) + "\n")

    def unanswered(self):
        with self.lock:
            for rec in self.in_flight.values():
                rec.update(t1=None, status=None, error="unanswered")
                self.fh.write(json.dumps(rec) + "\n")
            n = len(self.in_flight)
            self.in_flight.clear()
            return n


def error_name(e):
    """A client-side failure as a short stable label (timeout, refused, reset, ...)."""
    if isinstance(e, TimeoutError) or "timed out" in str(e):
        return "timeout"
    if isinstance(e, ConnectionRefusedError):
        return "refused"
    if isinstance(e, ConnectionResetError):
        return "reset"
    return type(e).__name__


def timed(rec_kind, recorder, client, fn, **fields):
    rec = recorder.begin(client, dict(kind=rec_kind, client=client, **fields))
    try:
        r = fn()
    except Exception as e:  # socket errors, timeouts: an answer of the client side
        recorder.end(client, rec, error=error_name(e))
        return rec, None
    extra = {}
    if r.status in (301, 302, 303):
        extra["location"] = r.headers.get("Location")
    rec.update(extra)
    recorder.end(client, rec, status=r.status, instance=r.instance)
    return rec, r


def signup_users(base, n, timeout):
    users = []
    for i in range(n):
        name = f"ackw{secrets.token_hex(4)}{i}"
        password = "pw-" + secrets.token_hex(12)
        for attempt in range(10):
            try:
                Client(base, timeout=timeout).signup(name, f"{name}@example.com", password)
                break
            except Exception as e:  # the topology was just started: retry a few times
                if attempt == 9:
                    raise SystemExit(f"sign-up of {name} failed: {e}")
                time.sleep(1)
        users.append({"username": name, "password": password})
    return users


def client(base, idx, user, recorder, timeout, think, stop_file, run_id):
    """One client until the stop file appears; a bug in this script must not silently end it."""
    while not os.path.exists(stop_file):
        try:
            client_loop(base, idx, user, recorder, timeout, think, stop_file, run_id + f"r{time.time_ns()}")
        except Exception as e:
            print(f"client {idx}: {type(e).__name__}: {e}", flush=True)
            time.sleep(0.5)


def client_loop(base, idx, user, recorder, timeout, think, stop_file, run_id):
    seq = 0
    c = None
    token = None
    while not os.path.exists(stop_file):
        if token is None:  # (re)log in: a fresh cookie jar, then the create page for a token
            c = Client(base, timeout=timeout)
            _, r = timed("login-page", recorder, idx, lambda: c.get(LOGIN_PATH), user=user["username"])
            if r is None or r.status != 200:
                time.sleep(0.5)
                continue
            fields = {"username": user["username"], "password": user["password"], "next": LIST_PATH}
            login_token = page_token(r)
            with LOGINS:
                _, r = timed("login", recorder, idx, lambda: c.post_with_token(LOGIN_PATH, fields, login_token),
                             user=user["username"])
            if r is None or r.status != 303:
                time.sleep(0.5)
                continue
            _, r = timed("create-page", recorder, idx, lambda: c.get(CREATE_PATH), user=user["username"])
            if r is None or r.status != 200:
                token = None
                time.sleep(0.5)
                continue
            token = page_token(r)
        seq += 1
        marker = f"ackw-{run_id}-c{idx:02d}-n{seq:06d}"
        content = f"{marker} acknowledged-writes check"
        if seq % 2:
            rec, r = timed("create-form", recorder, idx,
                           lambda: c.post_with_token(CREATE_PATH, {"content": content}, token),
                           user=user["username"], marker=marker)
        else:
            rec, r = timed("create-api", recorder, idx,
                           lambda: c.api_create_post(content, token), user=user["username"], marker=marker)
        if r is not None and (r.status in (401, 403) or r.status in (302, 303) and not acknowledged(rec)):
            token = None  # the session is gone or not accepted: log in again
        if think:
            time.sleep(think)


def page_token(page):
    """The page's CSRF token; a page without one (never seen so far) is written down and the client
    carries on with an invalid token, so the next POST fails visibly instead of the thread dying."""
    try:
        return Client.csrf_token(page)
    except AssertionError:
        print(f"a {page.status} page without a CSRF token from {page.instance}", flush=True)
        return "missing"


def acknowledged(rec):
    if rec.get("kind") == "create-form":
        return rec.get("status") == 303 and (rec.get("location") or "").endswith(LIST_PATH)
    if rec.get("kind") == "create-api":
        return rec.get("status") == 201
    return False


def load(base, d, clients, n_users, timeout, think_ms):
    clients, n_users, timeout, think = int(clients), int(n_users), float(timeout), int(think_ms) / 1000.0
    stop_file, ready_file = os.path.join(d, "load.stop"), os.path.join(d, "load.ready")
    users = signup_users(base, n_users, timeout)
    with open(os.path.join(d, "users.json"), "w") as fh:
        os.fchmod(fh.fileno(), 0o600)
        json.dump(users, fh)
    print(f"signed up {len(users)} users through the web load balancer", flush=True)
    recorder = Recorder(os.path.join(d, "requests.jsonl"))
    run_id = secrets.token_hex(3)
    threads = [threading.Thread(target=client, daemon=True, name=f"client{i}",
                                args=(base, i, users[i % len(users)], recorder, timeout, think, stop_file, run_id))
               for i in range(clients)]
    for t in threads:
        t.start()
    open(ready_file, "w").close()
    print(f"{clients} clients creating posts through {base}", flush=True)
    while not os.path.exists(stop_file):
        time.sleep(0.2)
    deadline = time.time() + timeout + HANG_SLACK_S + 5
    for t in threads:
        t.join(max(0.0, deadline - time.time()))
    n = recorder.unanswered()
    print(f"load stopped; {n} request(s) without an answer", flush=True)


# --- verify -------------------------------------------------------------------------------------

def read_posts(base, username, timeout):
    """Every post of USERNAME, newest first, through the API's cursor pages (retried on failure)."""
    posts, before = [], None
    c = Client(base, timeout=timeout)
    while True:
        page, last = None, None
        for attempt in range(8):
            try:
                r = c.get(api_posts_path(username, 100, before))
                if r.status != 200:
                    raise RuntimeError(f"status {r.status} from {r.instance}")
                page = r.json()
                break
            except Exception as e:
                last = e
                time.sleep(1 + attempt)
        if page is None:
            raise RuntimeError(f"could not read the posts of {username}: {last}")
        posts.extend(page["posts"])
        before = page.get("olderThan")
        if not before:
            return posts


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def outcome(rec):
    if rec.get("error"):
        return rec["error"]
    return str(rec.get("status"))


def verify(base, d, min_acked):
    min_acked = int(min_acked)
    with open(os.path.join(d, "users.json")) as fh:
        users = json.load(fh)
    records = []
    with open(os.path.join(d, "requests.jsonl")) as fh:
        for line in fh:
            records.append(json.loads(line))
    faults = []
    fpath = os.path.join(d, "faults.jsonl")
    if os.path.exists(fpath):
        with open(fpath) as fh:
            faults = [json.loads(line) for line in fh if line.strip()]
    timeout = 10.0
    found = {}
    unexpected = 0
    pages = {}

    def read(u):
        try:
            pages[u["username"]] = read_posts(base, u["username"], timeout)
        except RuntimeError as e:
            print(e)

    readers = [threading.Thread(target=read, args=(u,)) for u in users]
    for t in readers:
        t.start()
    for t in readers:
        t.join()
    missing = [u["username"] for u in users if u["username"] not in pages]
    if missing:
        print(f"could not read back the posts of {missing}")
        return 1
    for u in users:
        for p in pages[u["username"]]:
            marker = p["content"].split(" ", 1)[0]
            if not marker.startswith("ackw-"):
                unexpected += 1
                continue
            found.setdefault(marker, []).append(p["id"])
            if p["author"] != u["username"]:
                unexpected += 1
    creates = [r for r in records if r["kind"] in ("create-form", "create-api")]
    others = [r for r in records if r["kind"] not in ("create-form", "create-api")]
    acked = [r for r in creates if acknowledged(r)]
    failed = [r for r in creates if not acknowledged(r)]
    sent = {r["marker"] for r in creates}
    lost = [r["marker"] for r in acked if r["marker"] not in found]
    duplicated = {m: ids for m, ids in found.items() if len(ids) > 1}
    stored_anyway = [r for r in failed if r["marker"] in found]
    never_sent = [m for m in found if m not in sent]
    timeout_s = max((r["t1"] - r["t0"] for r in records if r.get("t1")), default=0)
    unanswered = [r for r in records if r.get("error") == "unanswered"]
    hung = [r for r in records if r.get("t1") and r["t1"] - r["t0"] > timeout + HANG_SLACK_S]
    by = {}
    for r in failed:
        by[outcome(r)] = by.get(outcome(r), 0) + 1
    other_failed = {}
    for r in others:
        ok = (r["kind"] == "login" and r.get("status") == 303) or (r["kind"] != "login" and r.get("status") == 200)
        if not ok:
            other_failed[f"{r['kind']} {outcome(r)}"] = other_failed.get(f"{r['kind']} {outcome(r)}", 0) + 1
    lat = [r["t1"] - r["t0"] for r in acked]
    t_start = min((r["t0"] for r in records), default=0)
    t_end = max((r["t1"] or r["t0"] for r in records), default=0)

    windows = []
    starts = {}
    for f in faults:
        if f["event"] == "start":
            starts[f["fault"]] = f["t"]
        elif f["event"] == "back" and f["fault"] in starts:
            t0, t1 = starts.pop(f["fault"]), f["t"]
            # sent during the fault, or in flight when it began
            inside = [r for r in creates if r["t0"] <= t1 and (r.get("t1") or t1) >= t0]
            ok = [r for r in inside if acknowledged(r)]
            fb = {}
            for r in inside:
                if not acknowledged(r):
                    fb[outcome(r)] = fb.get(outcome(r), 0) + 1
            windows.append({"fault": f["fault"], "seconds": round(t1 - t0, 1), "creates": len(inside),
                            "acknowledged": len(ok), "failed": fb,
                            "lost": sum(1 for r in ok if r["marker"] not in found)})
    report = {
        "duration_s": round(t_end - t_start, 1),
        "clients": len({r["client"] for r in records}),
        "users": len(users),
        "requests": len(records),
        "creates": len(creates),
        "acknowledged": len(acked),
        "acknowledged_per_s": round(len(acked) / max(1e-9, t_end - t_start), 1),
        "failed": len(failed),
        "failed_by": dict(sorted(by.items())),
        "failed_but_stored": len(stored_anyway),
        "lost": len(lost),
        "duplicated": len(duplicated),
        "unanswered": len(unanswered) + len(hung),
        "slowest_request_s": round(timeout_s, 2),
        "create_latency_s": {"p50": percentile(lat, 50), "p99": percentile(lat, 99), "max": max(lat, default=None)},
        "other_requests_not_ok": other_failed,
        "unexpected_posts": unexpected + len(never_sent),
        "posts_read_back": sum(len(v) for v in found.values()),
        "faults": windows,
        "lost_markers": lost[:50],
        "duplicated_markers": dict(list(duplicated.items())[:50]),
    }
    for k in ("p50", "p99", "max"):
        v = report["create_latency_s"][k]
        report["create_latency_s"][k] = None if v is None else round(v, 3)
    with open(os.path.join(d, "report.json"), "w") as fh:
        json.dump(report, fh, indent=1)

    ok = report["lost"] == 0 and report["duplicated"] == 0 and report["unanswered"] == 0 \
        and report["acknowledged"] >= min_acked and report["unexpected_posts"] == 0
    print(f"acknowledged writes under faults: {'PASS' if ok else 'FAIL'}")
    print(f"  {report['requests']} requests in {report['duration_s']} s from {report['clients']} clients "
          f"({report['users']} users); {report['creates']} creates")
    print(f"  acknowledged {report['acknowledged']} ({report['acknowledged_per_s']}/s; latency p50 "
          f"{report['create_latency_s']['p50']} s, p99 {report['create_latency_s']['p99']} s)")
    print(f"  failed {report['failed']} {report['failed_by']}, of which stored anyway {report['failed_but_stored']}")
    print(f"  lost {report['lost']}, duplicated {report['duplicated']}, unanswered {report['unanswered']} "
          f"(slowest answer {report['slowest_request_s']} s), unexpected posts {report['unexpected_posts']}")
    if other_failed:
        print(f"  other requests not OK (logins, pages): {other_failed}")
    for w in windows:
        print(f"  during {w['fault']:<28} {w['seconds']:>6} s: {w['creates']} creates, {w['acknowledged']} acknowledged, "
              f"failed {w['failed']}, lost {w['lost']}")
    if lost:
        print(f"  LOST: {lost[:10]}")
    if duplicated:
        print(f"  DUPLICATED: {list(duplicated)[:10]}")
    if report["acknowledged"] < min_acked:
        print(f"  too few acknowledged writes to mean anything ({report['acknowledged']} < {min_acked})")
    return 0 if ok else 1


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "load":
        load(*args)
    elif cmd == "verify":
        sys.exit(verify(*args))
    else:
        sys.exit(f"unknown command {cmd}")
