#!/usr/bin/env python3
"""Seeds the bench user through the running app and writes what the wrk scenarios need.

Usage: seed.py BASE_URL OUT_FILE USERNAME PASSWORD POSTS

Signs USERNAME up (JSON API), logs in with the login form (so the session is a browser one),
creates exactly POSTS posts (API, with the session's CSRF token), checks the list shows them,
and writes OUT_FILE (mode 600) as shell assignments:
  SESSION_COOKIE   "postbox_session=..." of the logged-in browser
  SESSION_CSRF     a masked CSRF token of that session (for POST /posts/create)
  LOGIN_COOKIE     "postbox_csrf=..." of an anonymous visitor
  LOGIN_CSRF       the login form's token for that cookie
  TOKEN_HASH       SHA-256 (hex) of the session token: the key the store-only program reads
  STATIC_PATH      /static/<hashed css name>, as the pages link it
"""
import hashlib
import json
import os
import re
import sys
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "test", "lib"))
from postbox_client import Client, Response  # noqa: E402


def cookie(client, name):
    for c in client.jar:
        if c.name == name:
            return c.value
    raise SystemExit(f"seed: no {name} cookie was set")


def main():
    base, out, username, password, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    api = Client(base)
    r = post_json(api, "/api/v1/users", {"username": username, "email": f"{username}@example.com",
                                         "password": password})
    if r.status != 201:
        raise SystemExit(f"seed: sign-up of {username} answered {r.status}: {r.text[:200]}")

    browser = Client(base)
    browser.login(username, password)
    session = cookie(browser, "postbox_session")
    page = browser.get("/posts/create")
    if page.status != 200:
        raise SystemExit(f"seed: GET /posts/create answered {page.status}")
    session_csrf = browser.csrf_token(page)

    for i in range(count):
        r = post_json(browser, "/api/v1/posts", {"content": f"Bench post {i + 1} of {count}: some text & <markup>"},
                      {"X-CSRF-Token": session_csrf})
        if r.status != 201:
            raise SystemExit(f"seed: creating post {i + 1} answered {r.status}: {r.text[:200]}")
    listed = api.get(f"/api/v1/users/{username}/posts?limit=100")
    shown = len(json.loads(listed.text)["posts"]) if listed.status == 200 else -1
    if shown != min(count, 100):
        raise SystemExit(f"seed: the API lists {shown} posts, expected {min(count, 100)}")

    anonymous = Client(base)
    login_page = anonymous.get("/accounts/login/")
    if login_page.status != 200:
        raise SystemExit(f"seed: GET /accounts/login/ answered {login_page.status}")
    login_csrf = anonymous.csrf_token(login_page)
    css = re.search(r'href="(/static/[^"]+\.css)"', login_page.text)
    if not css:
        raise SystemExit("seed: the login page links no css file")

    values = {
        "SESSION_COOKIE": f"postbox_session={session}",
        "SESSION_CSRF": session_csrf,
        "LOGIN_COOKIE": f"postbox_csrf={cookie(anonymous, 'postbox_csrf')}",
        "LOGIN_CSRF": login_csrf,
        "TOKEN_HASH": hashlib.sha256(session.encode()).hexdigest(),
        "STATIC_PATH": css.group(1),
    }
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        for k, v in values.items():
            if not re.fullmatch(r"[A-Za-z0-9_=./%-]+", v):
                raise SystemExit(f"seed: unexpected characters in {k}")
            f.write(f"{k}={v}\n")
    print(f"seed: {username} has {count} posts; scenario inputs in {out}")


def post_json(client, path, payload, headers=None):
    req = urllib.request.Request(client.base + path, data=json.dumps(payload).encode(), method="POST",
                                 headers=dict(headers or {}, **{"Content-Type": "application/json"}))
    try:
        with client.opener.open(req, timeout=client.timeout) as r:
            return Response(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        return Response(e.code, e.headers, e.read())


if __name__ == "__main__":
    main()
