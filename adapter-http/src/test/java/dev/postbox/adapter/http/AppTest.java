package dev.postbox.adapter.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One app on the in-memory stores per test class: tests use fresh user names, so they can share it. */
abstract class AppTest {
    protected static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }
}
