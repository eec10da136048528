package dev.postbox.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagesTest {
    @Test
    void postPagesCopyTheirListAndDefaultTheCursor() {
        Instant when = Instant.parse("2025-01-01T00:00:00.007Z");
        Post post = new Post(new Username("bob"), new PostIdGenerator(Clock.fixed(when, ZoneOffset.UTC)).next(), new PostContent("hi"));
        List<Post> posts = new ArrayList<>(List.of(post));

        PostPage page = new PostPage(posts, null);
        posts.clear();

        assertThat(page.posts()).containsExactly(post);
        assertThat(page.olderThan()).isEmpty();
        assertThat(post.createdAt()).isEqualTo(when);
        assertThatThrownBy(() -> page.posts().add(post)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Post(null, post.id(), post.content())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void userPagesCopyTheirListAndDefaultTheCursor() {
        UserPage page = new UserPage(new ArrayList<>(), null);

        assertThat(page.users()).isEmpty();
        assertThat(page.after()).isEmpty();
        assertThat(new UserPage(List.of(), Optional.of("bob")).after()).contains("bob");
    }

    @Test
    void pagesCutFromStoreRowsPointTheirCursorAtTheLastShownItem() {
        PostIdGenerator ids = new PostIdGenerator(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        List<Post> rows = List.of(post(ids), post(ids), post(ids));

        PostPage more = PostPage.of(rows, new PageRequest(2));
        PostPage last = PostPage.of(rows, new PageRequest(3));

        assertThat(more.posts()).containsExactlyElementsOf(rows.subList(0, 2));
        assertThat(more.olderThan()).contains(rows.get(1).id());
        assertThat(last.posts()).containsExactlyElementsOf(rows);
        assertThat(last.olderThan()).isEmpty();

        List<User> users = List.of(user(1, "Ann"), user(2, "bob"));
        assertThat(UserPage.of(users, new PageRequest(1))).isEqualTo(new UserPage(users.subList(0, 1), Optional.of("ann")));
        assertThat(UserPage.of(users, new PageRequest(2)).after()).isEmpty();
    }

    private static Post post(PostIdGenerator ids) {
        return new Post(new Username("bob"), ids.next(), new PostContent("hi"));
    }

    private static User user(long id, String name) {
        return new User(new UserId(id), new Username(name), new Email(name + "@example.com"),
                new PasswordHash("argon2$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA"), false, false, true,
                Instant.parse("2025-01-01T00:00:00Z"), null);
    }
}
