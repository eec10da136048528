package dev.postbox.ports.service;

import dev.postbox.domain.ForbiddenException;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.Post;
import dev.postbox.domain.User;
import dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser;
import dev.postbox.ports.in.DeletePostUseCase.DeletePost;
import dev.postbox.ports.in.DeletePostUseCase;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deleting posts: authors their own, superusers anyone's. */
class DeletePostServiceTest {
    private final TestCore core = new TestCore();
    private final DeletePostUseCase posts = core.postbox.deletePost();

    @Test
    void authorsDeleteTheirOwnPostsOnly() {
        User fay = core.register("fay");
        User gus = core.register("gus");
        Post post = core.post(fay, "mine");
        assertThatThrownBy(() -> posts.delete(new DeletePost(gus, "fay", post.id()))).isInstanceOf(ForbiddenException.class);
        posts.delete(new DeletePost(fay, "FAY", post.id()));
        assertThat(core.postbox.listPosts().listOwn(fay, Optional.empty(), new PageRequest(20)).posts()).isEmpty();
        assertThatThrownBy(() -> posts.delete(new DeletePost(fay, "fay", post.id())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("post.not_found"));
    }

    @Test
    void superusersDeleteAnyPost() {
        User hal = core.register("Hal");
        User admin = core.postbox.createSuperuser().createSuperuser(new CreateSuperuser("admin", "a@example.com", TestCore.PASSWORD));
        Post post = core.post(hal, "spam");
        posts.delete(new DeletePost(admin, "hal", post.id()));
        assertThat(core.postbox.listPosts().listOwn(hal, Optional.empty(), new PageRequest(20)).posts()).isEmpty();
        assertThatThrownBy(() -> posts.delete(new DeletePost(admin, "nobody", post.id()))).isInstanceOf(NotFoundException.class);
    }
}
