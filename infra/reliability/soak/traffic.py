"""Mixed traffic for the soak: virtual users behind nginx, each on its own keep-alive connection.

A virtual user logs in, then loops over a weighted mix (list, create, static files, the public
pages, the JSON API, the login page as an anonymous visitor, a failed login now and then) with a
small random think time, and logs out now and then (the next turn logs in again). Every answer
is recorded by action and status; a 5xx, a socket error or a status the action does not expect
is a failure. The pages are visited with the shared postbox_client, one keep-alive connection
per visitor.
"""
import http.client
import random
import threading
import time

from postbox_client import (CREATE_PATH, CSRF_INPUT, LIST_PATH, LOGIN_PATH, LOGOUT_PATH, STATIC_LINK, WELCOME_PATH,
                            Client, api_posts_path, public_page_path)

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


def token_of(response):
    """The CSRF token of a page, or None (no answer, or no form in it)."""
    m = response is not None and CSRF_INPUT.search(response.text)
    return m.group(1) if m else None


class VirtualUser(threading.Thread):
    def __init__(self, n, base_url, recorder, stop, gate, think_s, seed):
        super().__init__(name=f"vu{n}", daemon=True)
        self.username, self.password = f"soak{n}", f"soak-password-{n}-{seed}"
        self.base_url, self.recorder, self.stop, self.gate, self.think_s = base_url, recorder, stop, gate, think_s
        self.burst_until = 0.0  # no think time until then (time.monotonic()): the warm-up runs flat out
        self.start_delay = 0.0
        self.rng = random.Random(seed * 1000 + n)
        # 30 s: a log-in waits for one of the app's hash slots (one per core), and on a cold, busy
        # machine eight log-ins at once took 10 s; a request that hangs still fails the soak
        self.user = Client(base_url, timeout=30, keep_alive=True)
        self.visitor = Client(base_url, timeout=30, keep_alive=True)  # anonymous: cookies dropped each time
        self.csrf = None
        self.assets = []
        self.created = 0

    def call(self, action, send):
        """Sends one request (SEND, a function of no arguments) and records its answer under
        ACTION; returns the response, or None after a socket error or timeout (recorded too)."""
        t0 = time.monotonic()
        try:
            r = send()
        except (OSError, http.client.HTTPException) as e:
            self.recorder.record(action, type(e).__name__, time.monotonic() - t0)
            return None
        self.recorder.record(action, r.status, time.monotonic() - t0)
        return r

    def signup(self):
        c = Client(self.base_url, timeout=30)
        try:
            r = self.call("signup", lambda: c.api_signup(self.username, f"{self.username}@example.com", self.password))
        finally:
            c.close()
        return r is not None and r.status == 201

    def login(self):
        page = self.call("login-form", lambda: self.user.get(LOGIN_PATH))
        token = token_of(page)
        if not token:
            return False
        self.assets = STATIC_LINK.findall(page.text) or self.assets
        fields = {"username": self.username, "password": self.password, "next": LIST_PATH}
        with self.gate:
            r = self.call("login", lambda: self.user.post_with_token(LOGIN_PATH, fields, token))
        if r is None or r.status != 303:
            return False
        self.csrf = None
        return self.list_posts()

    def list_posts(self):
        r = self.call("list", lambda: self.user.get(LIST_PATH))
        token = token_of(r) if r is not None and r.status == 200 else None
        if token:
            self.csrf = token
        return bool(token)

    def turn(self, action):
        u = self.user
        if action == "list":
            self.list_posts()
        elif action == "create":
            self.created += 1
            text = (f"Soak post {self.created} by {self.username}: <b>markup</b> & \"quotes\" "
                    + "x" * self.rng.randint(0, 160))
            self.call("create", lambda: u.post_with_token(CREATE_PATH, {"content": text}, self.csrf))
        elif action == "static":
            if self.assets:
                path = self.rng.choice(self.assets)
                self.call("static", lambda: u.get(path))
        elif action == "login-page":
            self.visitor.cookies.clear()
            self.call("login-page", lambda: self.visitor.get(LOGIN_PATH))
        elif action == "api-list":
            self.call("api-list", lambda: u.get(api_posts_path(self.username, 20)))
        elif action == "public-page":
            self.call("public-page", lambda: u.get(public_page_path(self.username)))
        elif action == "welcome":
            self.call("welcome", lambda: u.get(WELCOME_PATH))
        elif action == "failed-login":
            self.visitor.cookies.clear()
            token = token_of(self.call("login-form", lambda: self.visitor.get(LOGIN_PATH)))
            if token:  # an unknown user (the per-username limit never builds up), hashed all the same
                fields = {"username": f"nobody{self.rng.randrange(10**9)}", "password": "wrong-password"}
                with self.gate:
                    self.call("failed-login", lambda: self.visitor.post_with_token(LOGIN_PATH, fields, token))
        elif action == "logout":
            self.call("logout", lambda: u.post_with_token(LOGOUT_PATH, {}, self.csrf))
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
