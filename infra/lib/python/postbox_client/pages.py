"""What the infra tools rely on in Postbox's pages and JSON API, in one place.

It follows adapter-http's templates (src/main/resources/dev/postbox/adapter/http/templates) and
routes: every form carries a hidden "csrfmiddlewaretoken" (masked per page; an anonymous
visitor's secret is the HttpOnly cookie "postbox_csrf"), the JSON API takes the token in the
X-CSRF-Token header, a successful log-in / sign-up / post answers 303 See Other, and the session
is the HttpOnly cookie "postbox_session".
"""
import re
import urllib.parse

LOGIN_PATH = "/accounts/login/"
LOGOUT_PATH = "/accounts/logout/"
SIGNUP_PATH = "/accounts/signup/"
LIST_PATH = "/posts/list"
CREATE_PATH = "/posts/create"
WELCOME_PATH = "/posts/"
API_USERS = "/api/v1/users"
API_POSTS = "/api/v1/posts"

CSRF_FIELD = "csrfmiddlewaretoken"
CSRF_HEADER = "X-CSRF-Token"
CSRF_COOKIE = "postbox_csrf"
SESSION_COOKIE = "postbox_session"
INSTANCE_HEADER = "X-Postbox-Instance"

CSRF_INPUT = re.compile(r'<input[^>]*\sname="' + CSRF_FIELD + r'"[^>]*\svalue="([^"]+)"')
STATIC_LINK = re.compile(r'(?:href|src)="(/static/[^"]+)"')


def public_page_path(username):
    return "/u/" + urllib.parse.quote(username)


def api_posts_path(username, limit, before=None):
    """A page of USERNAME's posts in the JSON API, newest first; BEFORE is the cursor the last
    page gave ("olderThan")."""
    query = {"limit": str(limit)}
    if before:
        query["before"] = before
    return f"{API_USERS}/{urllib.parse.quote(username)}/posts?{urllib.parse.urlencode(query)}"
