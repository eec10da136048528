"""A small HTTP client for the Postbox pages, used by the infra system tests.

Everything that depends on the app's pages (paths, form field names, how the CSRF token is
found) is in this file, so adapting the tests to the real launcher happens here only.
"""
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

LOGIN_PATH = "/accounts/login/"
LIST_PATH = "/posts/list"
CREATE_PATH = "/posts/create"
USERNAME_FIELD, PASSWORD_FIELD, CONTENT_FIELD = "username", "password", "content"
# Any hidden input whose name mentions csrf (Django's csrfmiddlewaretoken, a plain csrf/_csrf).
CSRF_INPUT = re.compile(r"<input[^>]*>", re.I)


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

    def csrf_token(self, page):
        for tag in CSRF_INPUT.findall(page.text):
            name = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if name and value and "csrf" in name.group(1).lower():
                return name.group(1), value.group(1)
        raise AssertionError(f"no CSRF input in the page (status {page.status})")

    def post_form(self, path, fields):
        page = self.get(path)
        if page.status != 200:
            raise AssertionError(f"GET {path} answered {page.status}")
        name, token = self.csrf_token(page)
        return self.request("POST", path, dict(fields, **{name: token}))

    def login(self, username, password):
        r = self.post_form(LOGIN_PATH, {USERNAME_FIELD: username, PASSWORD_FIELD: password})
        if r.status not in (302, 303):
            raise AssertionError(f"login of {username} answered {r.status}, expected a redirect")
        return r

    def create_post(self, content):
        r = self.post_form(CREATE_PATH, {CONTENT_FIELD: content})
        if r.status not in (201, 302, 303):
            raise AssertionError(f"creating a post answered {r.status}")
        return r

    def list_posts(self):
        return self.get(LIST_PATH)
