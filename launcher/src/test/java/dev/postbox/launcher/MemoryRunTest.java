package dev.postbox.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code postbox run --storage memory} end to end in this JVM, over real HTTP. */
class MemoryRunTest {
    private static final Pattern ADMIN_PASSWORD = Pattern.compile("Created the administrator \"admin\" with the password:\\s+(\\S+)");
    private static final String PASSWORD = "a-long-enough-passphrase-7";

    @TempDir
    Path dataDir;

    private InProcessPostbox start() {
        return InProcessPostbox.start(Duration.ofMinutes(1), Map.of("POSTBOX_DATA_DIR", dataDir.toString(),
                "POSTBOX_INSTANCE_NAME", "memory-test"), "run", "--storage", "memory", "--port", "0");
    }

    @Test
    void signUpLogInPostListAndStop() {
        String user = "mem" + UUID.randomUUID().toString().substring(0, 8);
        int port;
        try (InProcessPostbox postbox = start()) {
            port = postbox.running().web().port();
            assertThat(postbox.out()).contains("IN-MEMORY storage: every user and post is lost when it exits",
                    "Postbox is running at http://127.0.0.1:" + port + "/");

            WebClient browser = new WebClient(postbox.base());
            HttpResponse<String> signUp = browser.signUp(user, PASSWORD);
            assertThat(signUp.statusCode()).isEqualTo(303);
            assertThat(signUp.headers().firstValue("Location")).hasValue("/posts/list");

            WebClient again = new WebClient(postbox.base());
            assertThat(again.logIn(user, PASSWORD).statusCode()).isEqualTo(303);
            assertThat(again.post("hello from the memory run").statusCode()).isEqualTo(303);
            HttpResponse<String> list = again.get("/posts/list");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("hello from the memory run");
            assertThat(list.headers().firstValue("X-Postbox-Instance")).hasValue("memory-test");

            Matcher admin = ADMIN_PASSWORD.matcher(postbox.out());
            assertThat(admin.find()).as("admin password printed once in:\n%s", postbox.out()).isTrue();
            assertThat(new WebClient(postbox.base()).logIn("admin", admin.group(1)).statusCode()).isEqualTo(303);

            assertThat(postbox.stop()).isEqualTo(0);
        }
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 2000))
                .isInstanceOf(ConnectException.class);

        try (InProcessPostbox second = start()) {
            HttpResponse<String> login = new WebClient(second.base()).logIn(user, PASSWORD);
            assertThat(login.statusCode()).as("memory storage forgets users").isEqualTo(401);
            assertThat(second.stop()).isEqualTo(0);
        }
    }

    @Test
    void servesTheStaticFilesItself() throws IOException {
        try (InProcessPostbox postbox = start()) {
            HttpResponse<String> page = new WebClient(postbox.base()).get("/posts/");
            Matcher css = Pattern.compile("href=\"(/static/[^\"]+\\.css)\"").matcher(page.body());
            assertThat(css.find()).as("a stylesheet link in %s", page.body()).isTrue();
            HttpResponse<String> asset = new WebClient(postbox.base()).get(css.group(1));
            assertThat(asset.statusCode()).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        }
    }
}
