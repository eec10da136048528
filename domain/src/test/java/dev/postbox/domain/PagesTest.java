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
}
