package dev.postbox.adapter.http;

import dev.postbox.domain.User;
import dev.postbox.ports.in.CreatePostUseCase.CreatePost;
import dev.postbox.ports.in.LogInUseCase.LogIn;

import java.util.concurrent.CountDownLatch;

/**
 * A server for wrk: the app on in-memory storage, one user with 100 posts, logged in. Prints the
 * port and session cookie, runs until killed (stop it by its pid).
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        TestApp app = TestApp.start(TestApp.config("bench"));
        String name = app.register("bench");
        User author = app.core.logIn().logIn(new LogIn(name, TestApp.PASSWORD)).user();
        for (int i = 0; i < 100; i++) {
            app.core.createPost().create(new CreatePost(author, "Post number " + i + " with <b>markup</b> & a line\nbreak 🎉"));
        }
        Browser browser = app.loggedIn(name);
        System.out.println("port=" + app.web.port() + " cookie=" + Sessions.COOKIE + "=" + browser.session());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        new CountDownLatch(1).await();
    }
}
