"""A small HTTP client for the Postbox pages, used by the infra system tests.

Everything that depends on the app's pages lives here. It follows adapter-http's templates
(src/main/resources/dev/postbox/adapter/http/templates): the forms carry a hidden
"csrfmiddlewaretoken" (masked per page; an anonymous visitor's secret is the HttpOnly cookie
"postbox_csrf"), a successful log-in / sign-up / post answers 303 See Other and the session is
the HttpOnly cookie "postbox_session".
"""
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

LOGIN_PATH = "/accounts/login/"
SIGNUP_PATH = "/accounts/signup/"
LIST_PATH = "/posts/list"
CREATE_PATH = "/posts/create"
CSRF_FIELD = "csrfmiddlewaretoken"
SESSION_COOKIE = "postbox_session"
CSRF_INPUT = re.compile(r'<input[^>]*\sname="' + CSRF_FIELD + r'"[^>]*\svalue="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self.text = body.decode("utf-8", "replace")

    @property
    def instance(self):
        return self.headers.get("X-Postbox-Instance")


class Client:
    def __init__(self, base_url, timeout=10):
        self.base = base_url.rstrip("/")
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, method, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        if body is not None:
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with self.opener.open(req, timeout=self.timeout) as r:
                return Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:  # 3xx (redirects are not followed), 4xx, 5xx
            return Response(e.code, e.headers, e.read())

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), None)

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
        return self.request("POST", path, dict(fields, **{CSRF_FIELD: self.csrf_token(page)}))

    def _expect_see_other(self, r, what, location):
        if r.status != 303 or r.headers.get("Location") != location:
            raise AssertionError(f"{what} answered {r.status} (Location {r.headers.get('Location')!r}, "
                                 f"instance {r.instance}), expected 303 to {location}")
        if not self.cookie(SESSION_COOKIE):
            raise AssertionError(f"{what}: no {SESSION_COOKIE} cookie afterwards")
        return r

    def signup(self, username, email, password):
        r = self.post_form(SIGNUP_PATH, {"username": username, "email": email,
                                         "password1": password, "password2": password})
        return self._expect_see_other(r, f"sign-up of {username}", LIST_PATH)

    def login(self, username, password):
        r = self.post_form(LOGIN_PATH, {"username": username, "password": password, "next": LIST_PATH})
        return self._expect_see_other(r, f"log-in of {username}", LIST_PATH)

    def create_post(self, content):
        r = self.post_form(CREATE_PATH, {"content": content})
        return self._expect_see_other(r, "creating a post", LIST_PATH)

    def list_posts(self):
        return self.get(LIST_PATH)
