package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void show() {
        try (TestApp app = TestApp.start()) {
            System.out.println("=====1\n" + RawHttp.exchange(app.web.port(), "GET /posts/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            System.out.println("=====2\n" + RawHttp.exchange(app.web.port(), "FOO /posts/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            System.out.println("=====3\n" + RawHttp.exchange(app.web.port(), "DELETE /accounts/login/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").substring(0, 700));
            System.out.println("=====4\n" + RawHttp.exchange(app.web.port(), "GET /api/v1/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            System.out.println("=====5\n" + RawHttp.exchange(app.web.port(), "GET /static/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").substring(0, 300));
            System.out.println("=====6\n" + RawHttp.exchange(app.web.port(), "GET /health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        }
    }
}
