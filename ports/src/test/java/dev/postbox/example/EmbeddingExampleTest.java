package dev.postbox.example;

import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.domain.ThrottledException;
import dev.postbox.domain.User;
import dev.postbox.ports.crypto.DjangoPasswordHasher;
import dev.postbox.ports.in.CreatePostUseCase.CreatePost;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.memory.RandomIds;
import dev.postbox.ports.service.LoginThrottle;
import dev.postbox.ports.service.Postbox;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The examples docs/embedding.md quotes, compiled and run with the ports build. It lives outside
 * the {@code dev.postbox.ports} packages on purpose: like an embedding project, it can use only
 * the public API. EmbeddingDocTest checks that the document quotes this file as it is.
 */
class EmbeddingExampleTest {
    @Test
    void signUpLogInPostAndList() {
        Postbox postbox = Postbox.inMemory();

        postbox.register().register(new RegisterUser("ada", "ada@example.com", "correct horse battery staple"));
        LoggedIn session = postbox.logIn().logIn(new LogIn("ada", "correct horse battery staple"));
        User ada = postbox.resolveSession().resolve(session.token()).orElseThrow().user();
        postbox.createPost().create(new CreatePost(ada, "Hello from the JVM next door"));
        PostPage page = postbox.listPosts().listByAuthor("ADA", Optional.empty(), PageRequest.DEFAULT);

        assertThat(page.posts()).extracting(post -> post.content().value())
                .containsExactly("Hello from the JVM next door");
        assertThat(page.olderThan()).isEmpty();  // no older page
    }

    @Test
    void everyKnobByHand() {
        Postbox postbox = new Postbox(
                Postbox.Storage.inMemory(),                            // or your own driven adapters
                new DjangoPasswordHasher(19_456, 2, 1, 2),             // Argon2id m=19 MiB, t=2, p=1; 2 hashes at once
                new RandomIds(),                                       // time-based post ids, random tokens
                Clock.systemUTC(),
                new SessionPolicy(Duration.ofDays(14), Duration.ofMinutes(5)),  // idle expiry, touch interval
                new LoginThrottle(3, 50, Duration.ofMinutes(15)),      // failures per username, per address, window
                Duration.ofSeconds(5));                                // session cache; Duration.ZERO: none

        postbox.register().register(new RegisterUser("bob", "bob@example.com", "correct horse battery staple"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> postbox.logIn().logIn(new LogIn("bob", "wrong")))
                    .isInstanceOf(NotAuthenticatedException.class);
        }
        ThrottledException refused = catchThrowableOfType(ThrottledException.class,
                () -> postbox.logIn().logIn(new LogIn("bob", "correct horse battery staple")));

        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
    }
}
