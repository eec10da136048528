"""Mixed traffic for the soak: virtual users behind nginx, each on its own keep-alive connection.

A virtual user logs in, then loops over a weighted mix (list, create, static files, the public
pages, the JSON API, the login page as an anonymous visitor, a failed login now and then) with a
small random think time, and logs out now and then (the next turn logs in again). Every answer
is recorded by action and status; a 5xx, a socket error or a status the action does not expect
is a failure.
"""
import http.client
import json
import random
import re
import threading
import time
import urllib.parse

CSRF_INPUT = re.compile(r'<input[^>]*\sname="csrfmiddlewaretoken"[^>]*\svalue="([^"]+)"')
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')

# (action, weight): the share of a virtual user's turns; log-in happens on top, after a log-out
MIX = [
    ("list", 34), ("create", 18), ("static", 20), ("login-page", 8), ("api-list", 6),
    ("public-page", 6), ("welcome", 4), ("failed-login", 2), ("logout", 2),
]
EXPECTED = {
    "signup": {201}, "login-form": {200}, "login": {303}, "list": {200}, "create": {303},
    "static": {200}, "login-page": {200}, "api-list": {200}, "public-page": {200}, "welcome": {200},
    "failed-login": {401}, "logout": {200},
}


class Recorder:
    """Counts answers by (action, status) and keeps latencies; shared by every virtual user."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}      # (action, status or error name) -> n
        self.latency = {}     # action -> [seconds]
        self.requests = 0
        self.failures = 0
        self.first_failures = []  # a few descriptions, for the report

    def record(self, action, outcome, seconds):
        bad = isinstance(outcome, str) or outcome >= 500 or outcome not in EXPECTED[action]
        with self.lock:
            key = (action, outcome)
            self.counts[key] = self.counts.get(key, 0) + 1
            self.latency.setdefault(action, []).append(seconds)
            self.requests += 1
            if bad:
                self.failures += 1
                if len(self.first_failures) < 20:
                    self.first_failures.append(f"{time.strftime('%H:%M:%S')} {action}: {outcome}")
        return not bad

    def totals(self):
        with self.lock:
            return self.requests, self.failures

    def summary(self):
        with self.lock:
            by_action = {}
            for (action, outcome), n in sorted(self.counts.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
                by_action.setdefault(action, {})[str(outcome)] = n
            status = {"2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, "socket_errors": 0, "unexpected": 0}
            for (action, outcome), n in self.counts.items():
                if isinstance(outcome, str):
                    status["socket_errors"] += n
                    continue
                status[f"{outcome // 100}xx"] = status.get(f"{outcome // 100}xx", 0) + n
                if outcome < 500 and outcome not in EXPECTED[action]:
                    status["unexpected"] += n
            lat = {}
            for action, xs in self.latency.items():
                s = sorted(xs)
                lat[action] = {"p50_ms": round(s[len(s) // 2] * 1000, 2),
                               "p99_ms": round(s[min(len(s) - 1, int(len(s) * 0.99))] * 1000, 2)}
            return {"requests": self.requests, "failures": self.failures, "by_status_class": status,
                    "by_action": by_action, "latency": lat, "first_failures": list(self.first_failures)}


class HashGate:
    """Lets the probe take its heap-after-GC sample while no password is being hashed: each
    Argon2id hash holds a 19 MiB block, and one in flight would read as a 19 MiB jump in the
    live heap. The probe closes the gate, waits for the hashes in flight, samples, reopens."""

    def __init__(self):
        self.cond = threading.Condition()
        self.closed = False
        self.inflight = 0

    def __enter__(self):
        with self.cond:
            self.cond.wait_for(lambda: not self.closed)
            self.inflight += 1

    def __exit__(self, *exc):
        with self.cond:
            self.inflight -= 1
            self.cond.notify_all()

    def quiesce(self, timeout):
        with self.cond:
            self.closed = True
            return self.cond.wait_for(lambda: self.inflight == 0, timeout)

    def reopen(self):
        with self.cond:
            self.closed = False
            self.cond.notify_all()


class Connection:
    """One keep-alive HTTP/1.1 connection with its own cookies; redirects are not followed."""

    def __init__(self, host, port, recorder, timeout):
        self.host, self.port, self.recorder, self.timeout = host, port, recorder, timeout
        self.conn = None
        self.cookies = {}

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, action, method, path, form=None, headers=None):
        """Returns (status, headers, text), or None after a socket error (already recorded)."""
        hdrs = dict(headers or {})
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        t0 = time.monotonic()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.conn.request(method, path, body=body, headers=hdrs)
            r = self.conn.getresponse()
            data = r.read()
        except (OSError, http.client.HTTPException) as e:
            self.close()
            self.recorder.record(action, type(e).__name__, time.monotonic() - t0)
            return None
        self.recorder.record(action, r.status, time.monotonic() - t0)
        for c in r.headers.get_all("Set-Cookie") or []:
            pair, _, attrs = c.partition(";")
            name, _, value = pair.strip().partition("=")
            if re.search(r"(?i)max-age=0\b", attrs):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        if r.will_close:
            self.close()
        return r.status, r.headers, data.decode("utf-8", "replace")


class VirtualUser(threading.Thread):
    def __init__(self, n, host, port, recorder, stop, gate, think_s, seed):
        super().__init__(name=f"vu{n}", daemon=True)
        self.username, self.password = f"soak{n}", f"soak-password-{n}-{seed}"
        self.recorder, self.stop, self.gate, self.think_s = recorder, stop, gate, think_s
        self.burst_until = 0.0  # no think time until then (time.monotonic()): the warm-up runs flat out
        self.start_delay = 0.0
        self.rng = random.Random(seed * 1000 + n)
        # 30 s: a log-in waits for one of the app's hash slots (one per core), and on a cold, busy
        # machine eight log-ins at once took 10 s; a request that hangs still fails the soak
        self.user = Connection(host, port, recorder, 30)
        self.visitor = Connection(host, port, recorder, 30)  # anonymous: cookies dropped each time
        self.csrf = None
        self.assets = []
        self.created = 0

    def signup(self):
        body = json.dumps({"username": self.username, "email": f"{self.username}@example.com",
                           "password": self.password}).encode()
        c = http.client.HTTPConnection(self.user.host, self.user.port, timeout=30)
        t0 = time.monotonic()
        try:
            c.request("POST", "/api/v1/users", body=body, headers={"Content-Type": "application/json"})
            r = c.getresponse()
            r.read()
            self.recorder.record("signup", r.status, time.monotonic() - t0)
            return r.status == 201
        finally:
            c.close()

    def login(self):
        page = self.user.request("login-form", "GET", "/accounts/login/")
        token = page and CSRF_INPUT.search(page[2])
        if not token:
            return False
        self.assets = ASSET.findall(page[2]) or self.assets
        with self.gate:
            r = self.user.request("login", "POST", "/accounts/login/", form={
                "csrfmiddlewaretoken": token.group(1), "username": self.username, "password": self.password,
                "next": "/posts/list"})
        if not r or r[0] != 303:
            return False
        self.csrf = None
        return self.list_posts()

    def list_posts(self):
        r = self.user.request("list", "GET", "/posts/list")
        token = r and r[0] == 200 and CSRF_INPUT.search(r[2])
        if token:
            self.csrf = token.group(1)
        return bool(token)

    def turn(self, action):
        u = self.user
        if action == "list":
            self.list_posts()
        elif action == "create":
            self.created += 1
            text = (f"Soak post {self.created} by {self.username}: <b>markup</b> & \"quotes\" "
                    + "x" * self.rng.randint(0, 160))
            u.request("create", "POST", "/posts/create", form={"csrfmiddlewaretoken": self.csrf, "content": text})
        elif action == "static":
            if self.assets:
                u.request("static", "GET", self.rng.choice(self.assets))
        elif action == "login-page":
            self.visitor.cookies.clear()
            self.visitor.request("login-page", "GET", "/accounts/login/")
        elif action == "api-list":
            u.request("api-list", "GET", f"/api/v1/users/{self.username}/posts?limit=20")
        elif action == "public-page":
            u.request("public-page", "GET", f"/u/{self.username}")
        elif action == "welcome":
            u.request("welcome", "GET", "/posts/")
        elif action == "failed-login":
            self.visitor.cookies.clear()
            page = self.visitor.request("login-form", "GET", "/accounts/login/")
            token = page and CSRF_INPUT.search(page[2])
            if token:  # an unknown user (the per-username limit never builds up), hashed all the same
                with self.gate:
                    self.visitor.request("failed-login", "POST", "/accounts/login/", form={
                        "csrfmiddlewaretoken": token.group(1), "username": f"nobody{self.rng.randrange(10**9)}",
                        "password": "wrong-password"})
        elif action == "logout":
            u.request("logout", "POST", "/accounts/logout/", form={"csrfmiddlewaretoken": self.csrf})
            self.csrf = None

    def run(self):
        actions, weights = zip(*MIX)
        self.stop.wait(self.start_delay)
        while not self.stop.is_set():
            if self.csrf is None and not self.login():
                self.stop.wait(1.0)  # the failure is recorded; don't spin
                continue
            self.turn(self.rng.choices(actions, weights)[0])
            if time.monotonic() >= self.burst_until:
                self.stop.wait(self.think_s * self.rng.uniform(0.5, 1.5))
        self.user.close()
        self.visitor.close()
