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
import os
import re
import sys

from postbox_client import CREATE_PATH, CSRF_COOKIE, LOGIN_PATH, SESSION_COOKIE, Client, api_posts_path


def cookie(client, name):
    value = client.cookie(name)
    if value is None:
        raise SystemExit(f"seed: no {name} cookie was set")
    return value


def main():
    base, out, username, password, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    api = Client(base)
    r = api.api_signup(username, f"{username}@example.com", password)
    if r.status != 201:
        raise SystemExit(f"seed: sign-up of {username} answered {r.status}: {r.text[:200]}")

    browser = Client(base)
    browser.login(username, password)
    session = cookie(browser, SESSION_COOKIE)
    page = browser.get(CREATE_PATH)
    if page.status != 200:
        raise SystemExit(f"seed: GET /posts/create answered {page.status}")
    session_csrf = browser.csrf_token(page)

    for i in range(count):
        r = browser.api_create_post(f"Bench post {i + 1} of {count}: some text & <markup>", session_csrf)
        if r.status != 201:
            raise SystemExit(f"seed: creating post {i + 1} answered {r.status}: {r.text[:200]}")
    listed = api.get(api_posts_path(username, 100))
    shown = len(listed.json()["posts"]) if listed.status == 200 else -1
    if shown != min(count, 100):
        raise SystemExit(f"seed: the API lists {shown} posts, expected {min(count, 100)}")

    anonymous = Client(base)
    login_page = anonymous.get(LOGIN_PATH)
    if login_page.status != 200:
        raise SystemExit(f"seed: GET /accounts/login/ answered {login_page.status}")
    login_csrf = anonymous.csrf_token(login_page)
    css = re.search(r'href="(/static/[^"]+\.css)"', login_page.text)
    if not css:
        raise SystemExit("seed: the login page links no css file")

    values = {
        "SESSION_COOKIE": f"{SESSION_COOKIE}={session}",
        "SESSION_CSRF": session_csrf,
        "LOGIN_COOKIE": f"{CSRF_COOKIE}={cookie(anonymous, CSRF_COOKIE)}",
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


if __name__ == "__main__":
    main()
