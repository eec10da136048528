"""The client against a small loopback server that answers like the app's pages do.
Run: PYTHONPATH=infra/lib/python python3 -m unittest postbox_client.client_test
(infra/test/run-all runs it)."""
import http.server
import json
import socket
import threading
import unittest

from postbox_client import CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, Client

FORM = f'<form method="post"><input type="hidden" name="{CSRF_FIELD}" value="tok-1"></form>'


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive unless the client says close
    seen = []  # (method, path, client port, headers, body) of every request

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def record(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Handler.seen.append((self.command, self.path, self.client_address[1], self.headers, body))

    def do_GET(self):
        self.record()
        if self.path == "/form":
            self.answer(200, FORM.encode(), [("Set-Cookie", "postbox_csrf=c1; Path=/; HttpOnly")])
        elif self.path == "/logout":
            self.answer(200, headers=[("Set-Cookie", f"{SESSION_COOKIE}=; Path=/; Max-Age=0")])
        else:
            self.answer(200, b"plain")

    def do_POST(self):
        self.record()
        self.answer(303, headers=[("Location", "/posts/list"), ("Set-Cookie", f"{SESSION_COOKIE}=s1; Path=/; HttpOnly")])


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.base = f"http://127.0.0.1:{cls.server.server_port}"

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls.thread.join(10)

    def setUp(self):
        Handler.seen.clear()

    def test_cookies_are_sent_back_and_dropped_when_the_server_expires_them(self):
        c = Client(self.base)
        c.get("/form")
        r = c.post_form("/form", {"content": "hello & bye"})
        self.assertEqual((r.status, r.headers.get("Location")), (303, "/posts/list"))  # not followed
        self.assertEqual(c.cookie(SESSION_COOKIE), "s1")
        c.get("/logout")
        self.assertIsNone(c.cookie(SESSION_COOKIE))
        self.assertEqual(c.cookie("postbox_csrf"), "c1")
        _, _, _, headers, body = Handler.seen[2]  # the POST: the form's token and the cookie it came with
        self.assertEqual(headers.get("Cookie"), "postbox_csrf=c1")
        self.assertEqual(body.decode(), f"content=hello+%26+bye&{CSRF_FIELD}=tok-1")

    def test_a_keep_alive_visitor_uses_one_connection_and_the_other_one_per_request(self):
        kept, fresh = Client(self.base, keep_alive=True), Client(self.base)
        for _ in range(3):
            kept.get("/a")
        for _ in range(3):
            fresh.get("/b")
        kept.close()
        ports = {path: {port for _, p, port, _, _ in Handler.seen if p == path} for path in ("/a", "/b")}
        self.assertEqual(len(ports["/a"]), 1)
        self.assertEqual(len(ports["/b"]), 3)
        self.assertTrue(all(h.get("Connection") == "close" for _, p, _, h, _ in Handler.seen if p == "/b"))

    def test_json_goes_with_the_csrf_header(self):
        Client(self.base).post_json("/api", {"content": "x"}, csrf="tok-2")
        _, _, _, headers, body = Handler.seen[0]
        self.assertEqual(headers.get(CSRF_HEADER), "tok-2")
        self.assertEqual(headers.get("Content-Type"), "application/json")
        self.assertEqual(json.loads(body), {"content": "x"})

    def test_a_page_without_a_form_has_no_token(self):
        page = Client(self.base).get("/plain")
        with self.assertRaises(AssertionError):
            Client.csrf_token(page)

    def test_a_socket_error_is_raised(self):
        with socket.socket() as s:  # a port nobody listens on: bound, never listening
            s.bind(("127.0.0.1", 0))
            with self.assertRaises(ConnectionRefusedError):
                Client(f"http://127.0.0.1:{s.getsockname()[1]}", timeout=5).get("/")

    def test_only_http_urls(self):
        with self.assertRaises(ValueError):
            Client("https://127.0.0.1/")


if __name__ == "__main__":
    unittest.main()
