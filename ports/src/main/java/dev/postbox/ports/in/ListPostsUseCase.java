package dev.postbox.ports.in;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.User;

import java.util.Optional;

/**
 * An author's posts, newest first, one {@link PageRequest} at a time with an "older than" cursor.
 * {@link #listOwn} needs no user look-up (the caller is the author); {@link #listByAuthor} looks
 * the author up case-insensitively and fails with {@link dev.postbox.domain.NotFoundException}
 * ({@code user.not_found}) for unknown or inactive users.
 */
public interface ListPostsUseCase {
    PostPage listOwn(User author, Optional<PostId> olderThan, PageRequest page);

    PostPage listByAuthor(String username, Optional<PostId> olderThan, PageRequest page);
}
