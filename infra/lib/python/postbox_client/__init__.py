"""The one HTTP client of Postbox's pages and JSON API for every infra tool: the system tests
(infra/test), the acknowledged-writes checker, the soak's traffic and the bench's seeding.

The tools' shell entry points put infra/lib/python on PYTHONPATH (infra/lib/common.sh), so a
tool imports it as it would any installed package.
"""
from .client import Client, Response
from .pages import (API_POSTS, API_USERS, CREATE_PATH, CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, CSRF_INPUT,
                    INSTANCE_HEADER, LIST_PATH, LOGIN_PATH, LOGOUT_PATH, SESSION_COOKIE, SIGNUP_PATH, STATIC_LINK,
                    WELCOME_PATH, api_posts_path, public_page_path)

__all__ = ["Client", "Response", "API_POSTS", "API_USERS", "CREATE_PATH", "CSRF_COOKIE", "CSRF_FIELD", "CSRF_HEADER",
           "CSRF_INPUT", "INSTANCE_HEADER", "LIST_PATH", "LOGIN_PATH", "LOGOUT_PATH", "SESSION_COOKIE", "SIGNUP_PATH",
           "STATIC_LINK", "WELCOME_PATH", "api_posts_path", "public_page_path"]
