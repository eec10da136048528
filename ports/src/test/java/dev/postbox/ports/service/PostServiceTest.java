package dev.postbox.ports.service;

import dev.postbox.domain.ForbiddenException;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.User;
import dev.postbox.ports.in.CreatePostUseCase.CreatePost;
import dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser;
import dev.postbox.ports.in.DeletePostUseCase.DeletePost;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostServiceTest {
    private static final String PASSWORD = "correct horse battery staple";
    private final TestCore core = new TestCore();
    private final PostService posts = core.postbox.posts();

    private User register(String name) {
        return core.postbox.accounts().register(new RegisterUser(name, name + "@example.com", PASSWORD));
    }

    @Test
    void createsAndListsNewestFirstWithACursor() {
        User alice = register("alice");
        List<Post> made = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            made.add(posts.create(new CreatePost(alice, "post " + i)));
        }
        List<Post> seen = new ArrayList<>();
        Optional<PostId> cursor = Optional.empty();
        List<Integer> sizes = new ArrayList<>();
        do {
            PostPage page = posts.listOwn(alice, cursor, 10);
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
        User bob = register("bob");
        for (int i = 0; i < 10; i++) {
            posts.create(new CreatePost(bob, "post " + i));
        }
        assertThat(posts.listOwn(bob, Optional.empty(), 10).olderThan()).isEmpty();
        assertThat(posts.listOwn(bob, Optional.empty(), 100).posts()).hasSize(10);
    }

    @Test
    void pageSizesOutsideOneToAHundredAreRefused() {
        User carol = register("carol");
        for (int limit : new int[] {0, -1, 101}) {
            assertThatThrownBy(() -> posts.listOwn(carol, Optional.empty(), limit))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("limit"));
        }
    }

    @Test
    void contentIsValidatedAndNormalised() {
        User dave = register("dave");
        assertThatThrownBy(() -> posts.create(new CreatePost(dave, "   ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("content.required"));
        assertThat(posts.create(new CreatePost(dave, "  two\r\nlines  ")).content().value()).isEqualTo("two\nlines");
    }

    @Test
    void anyoneCanListAnActiveAuthorByNameInAnyCase() {
        User erin = register("Erin");
        Post post = posts.create(new CreatePost(erin, "hello"));
        assertThat(posts.listByAuthor("eRIN", Optional.empty(), 20).posts()).containsExactly(post);
        assertThatThrownBy(() -> posts.listByAuthor("nobody", Optional.empty(), 20)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.listByAuthor("../etc", Optional.empty(), 20)).isInstanceOf(NotFoundException.class);
        core.users.setActive(erin.id(), false);
        assertThatThrownBy(() -> posts.listByAuthor("erin", Optional.empty(), 20)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void authorsDeleteTheirOwnPostsOnly() {
        User fay = register("fay");
        User gus = register("gus");
        Post post = posts.create(new CreatePost(fay, "mine"));
        assertThatThrownBy(() -> posts.delete(new DeletePost(gus, "fay", post.id()))).isInstanceOf(ForbiddenException.class);
        posts.delete(new DeletePost(fay, "FAY", post.id()));
        assertThat(posts.listOwn(fay, Optional.empty(), 20).posts()).isEmpty();
        assertThatThrownBy(() -> posts.delete(new DeletePost(fay, "fay", post.id())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("post.not_found"));
    }

    @Test
    void superusersDeleteAnyPost() {
        User hal = register("Hal");
        User admin = core.postbox.accounts().createSuperuser(new CreateSuperuser("admin", "a@example.com", PASSWORD));
        Post post = posts.create(new CreatePost(hal, "spam"));
        posts.delete(new DeletePost(admin, "hal", post.id()));
        assertThat(posts.listOwn(hal, Optional.empty(), 20).posts()).isEmpty();
        assertThatThrownBy(() -> posts.delete(new DeletePost(admin, "nobody", post.id()))).isInstanceOf(NotFoundException.class);
    }
}
