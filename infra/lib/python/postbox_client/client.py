"""A visitor of the Postbox pages and JSON API (Python 3 stdlib only)."""
import http.client
import json
import urllib.parse

from .pages import (API_POSTS, API_USERS, CREATE_PATH, CSRF_FIELD, CSRF_HEADER, CSRF_INPUT, INSTANCE_HEADER,
                    LIST_PATH, LOGIN_PATH, SESSION_COOKIE, SIGNUP_PATH)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self.text = body.decode("utf-8", "replace")

    @property
    def instance(self):
        """The app instance that answered (the X-Postbox-Instance header), None behind a proxy
        that answered itself."""
        return self.headers.get(INSTANCE_HEADER)

    def json(self):
        return json.loads(self.text)


class Client:
    """One visitor with its own cookies. Redirects are never followed: each answer is checked as
    it comes. With keep_alive=True the visitor keeps one HTTP/1.1 connection open from request to
    request, as a browser does (the soak's virtual users); otherwise every request has its own
    connection, so a load balancer sees each one afresh. A socket error or a timeout is raised
    (OSError or http.client.HTTPException) and drops the connection; an HTTP error status is a
    Response like any other."""

    def __init__(self, base_url, timeout=10, keep_alive=False):
        url = urllib.parse.urlsplit(base_url)
        if url.scheme != "http" or not url.hostname:
            raise ValueError(f"not an http:// URL: {base_url!r}")
        self.base = base_url.rstrip("/")
        self.host, self.port, self.prefix = url.hostname, url.port or 80, url.path.rstrip("/")
        self.timeout, self.keep_alive = timeout, keep_alive
        self.cookies = {}
        self._conn = None

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def request(self, method, path, form=None, headers=None, body=None):
        """Sends one request: FORM (a dict) as an urlencoded body, or BODY as it is."""
        hdrs = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if not self.keep_alive:
            hdrs["Connection"] = "close"
        conn, self._conn = self._conn, None
        if conn is None:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, self.prefix + path, body=body, headers=hdrs)
            r = conn.getresponse()
            data = r.read()
        except BaseException:
            conn.close()
            raise
        self._keep_cookies(r.headers.get_all("Set-Cookie") or [])
        if self.keep_alive and not r.will_close:
            self._conn = conn
        else:
            conn.close()
        return Response(r.status, r.headers, data)

    def _keep_cookies(self, set_cookies):
        # The app sets every cookie with Path=/ and deletes one with Max-Age=0.
        for header in set_cookies:
            pair, _, attributes = header.partition(";")
            name, _, value = pair.strip().partition("=")
            deleted = any(a.strip().lower() == "max-age=0" for a in attributes.split(";"))
            if deleted:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def cookie(self, name):
        return self.cookies.get(name)

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post_json(self, path, payload, csrf=None):
        """POSTs PAYLOAD as JSON, with CSRF (a token of this visitor's session) in its header."""
        headers = {"Content-Type": "application/json"}
        if csrf is not None:
            headers[CSRF_HEADER] = csrf
        return self.request("POST", path, headers=headers, body=json.dumps(payload).encode())

    def post_with_token(self, path, fields, token):
        """POSTs a form with TOKEN, the CSRF token of a page this visitor was given."""
        return self.request("POST", path, form=dict(fields, **{CSRF_FIELD: token}))

    @staticmethod
    def csrf_token(page):
        m = CSRF_INPUT.search(page.text)
        if not m:
            raise AssertionError(f"no {CSRF_FIELD} input in the page (status {page.status})")
        return m.group(1)

    def post_form(self, path, fields):
        """GETs the form (for its CSRF token), then POSTs it; the answer is not followed."""
        page = self.get(path)
        if page.status != 200:
            raise AssertionError(f"GET {path} answered {page.status} (instance {page.instance})")
        return self.post_with_token(path, fields, self.csrf_token(page))

    def _expect_see_other(self, r, what, location):
        if r.status != 303 or r.headers.get("Location") != location:
            raise AssertionError(f"{what} answered {r.status} (Location {r.headers.get('Location')!r}, "
                                 f"instance {r.instance}), expected 303 to {location}")
        if not self.cookie(SESSION_COOKIE):
            raise AssertionError(f"{what}: no {SESSION_COOKIE} cookie afterwards")
        return r

    def signup(self, username, email, password):
        """A new account through the sign-up page; the visitor is logged in afterwards."""
        r = self.post_form(SIGNUP_PATH, {"username": username, "email": email,
                                         "password1": password, "password2": password})
        return self._expect_see_other(r, f"sign-up of {username}", LIST_PATH)

    def api_signup(self, username, email, password):
        """A new account through the JSON API (201 when it worked); the answer as it comes."""
        return self.post_json(API_USERS, {"username": username, "email": email, "password": password})

    def login(self, username, password):
        r = self.post_form(LOGIN_PATH, {"username": username, "password": password, "next": LIST_PATH})
        return self._expect_see_other(r, f"log-in of {username}", LIST_PATH)

    def create_post(self, content):
        r = self.post_form(CREATE_PATH, {"content": content})
        return self._expect_see_other(r, "creating a post", LIST_PATH)

    def api_create_post(self, content, csrf):
        """A post through the JSON API (201 when it worked); the answer as it comes."""
        return self.post_json(API_POSTS, {"content": content}, csrf=csrf)

    def list_posts(self):
        return self.get(LIST_PATH)
