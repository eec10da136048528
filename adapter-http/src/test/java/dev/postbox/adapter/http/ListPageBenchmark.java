package dev.postbox.adapter.http;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.User;
import dev.postbox.ports.in.CreatePostUseCase.CreatePost;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The posts list on in-memory storage: the use case plus the Pebble page for 100 posts, and a
 * whole HTTP round trip of {@code /posts/list} (20 of the user's 100 posts). Not run by the build:
 * {@code java -cp <test classpath> org.openjdk.jmh.Main ListPageBenchmark} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ListPageBenchmark {
    private TestApp app;
    private User author;
    private PebbleRenderer renderer;
    private Browser browser;

    @Setup
    public void setUp() {
        app = TestApp.start(TestApp.config("bench"));
        String name = app.register("bench");
        author = app.core.logIn().logIn(new LogIn(name, TestApp.PASSWORD)).user();
        for (int i = 0; i < 100; i++) {
            app.core.createPost().create(new CreatePost(author, "Post number " + i + " with <b>markup</b> & a line\nbreak 🎉"));
        }
        renderer = new PebbleRenderer();
        browser = app.loggedIn(name);
    }

    @TearDown
    public void tearDown() {
        app.close();
    }

    /** Use case + template for a page of all 100 posts (no HTTP). */
    @Benchmark
    public String render100() {
        List<Views.PostView> posts = app.core.listPosts().listOwn(author, Optional.empty(), PageRequest.MAX)
                .posts().stream().map(Views::post).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("posts", posts);
        model.put("own", true);
        model.put("canDelete", true);
        model.put("here", "/posts/list");
        model.put("csrf", "token");
        return renderer.render("posts/list", model);
    }

    /** GET /posts/list over loopback HTTP with a session (cookie, CSRF token, headers, access log). */
    @Benchmark
    public int httpList() {
        return browser.get("/posts/list").statusCode();
    }
}
