package dev.postbox.ports.in;

import dev.postbox.domain.PostId;
import dev.postbox.domain.User;

/**
 * Delete a post: its author or a superuser may. Others get
 * {@link dev.postbox.domain.ForbiddenException}; a missing post is
 * {@link dev.postbox.domain.NotFoundException} ({@code post.not_found}).
 */
public interface DeletePostUseCase {
    record DeletePost(User actor, String author, PostId id) {
    }

    void delete(DeletePost command);
}
