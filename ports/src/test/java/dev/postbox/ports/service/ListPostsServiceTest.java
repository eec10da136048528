package dev.postbox.ports.service;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.User;
import dev.postbox.ports.in.ListPostsUseCase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listing posts a page at a time, one's own or an active author's. */
class ListPostsServiceTest {
    private final TestCore core = new TestCore();
    private final ListPostsUseCase posts = core.postbox.listPosts();

    @Test
    void createsAndListsNewestFirstWithACursor() {
        User alice = core.register("alice");
        List<Post> made = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            made.add(core.post(alice, "post " + i));
        }
        List<Post> seen = new ArrayList<>();
        Optional<PostId> cursor = Optional.empty();
        List<Integer> sizes = new ArrayList<>();
        do {
            PostPage page = posts.listOwn(alice, cursor, new PageRequest(10));
            sizes.add(page.posts().size());
            seen.addAll(page.posts());
            cursor = page.olderThan();
        } while (cursor.isPresent());
        assertThat(sizes).containsExactly(10, 10, 5);
        java.util.Collections.reverse(made);
        assertThat(seen).containsExactlyElementsOf(made);
    }

    @Test
    void anExactlyFullLastPageHasNoCursor() {
        User bob = core.register("bob");
        for (int i = 0; i < 10; i++) {
            core.post(bob, "post " + i);
        }
        assertThat(posts.listOwn(bob, Optional.empty(), new PageRequest(10)).olderThan()).isEmpty();
        assertThat(posts.listOwn(bob, Optional.empty(), new PageRequest(100)).posts()).hasSize(10);
    }

    @Test
    void anyoneCanListAnActiveAuthorByNameInAnyCase() {
        User erin = core.register("Erin");
        Post post = core.post(erin, "hello");
        assertThat(posts.listByAuthor("eRIN", Optional.empty(), new PageRequest(20)).posts()).containsExactly(post);
        assertThatThrownBy(() -> posts.listByAuthor("nobody", Optional.empty(), new PageRequest(20))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.listByAuthor("../etc", Optional.empty(), new PageRequest(20))).isInstanceOf(NotFoundException.class);
        core.users.setActive(erin.id(), false);
        assertThatThrownBy(() -> posts.listByAuthor("erin", Optional.empty(), new PageRequest(20))).isInstanceOf(NotFoundException.class);
    }
}
