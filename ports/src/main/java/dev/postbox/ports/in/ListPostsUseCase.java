package dev.postbox.ports.in;

import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.User;

import java.util.Optional;

/**
 * An author's posts, newest first, in pages of 1 to 100 with an "older than" cursor.
 * {@link #listOwn} needs no user look-up (the caller is the author); {@link #listByAuthor} looks
 * the author up case-insensitively and fails with {@link dev.postbox.domain.NotFoundException}
 * ({@code user.not_found}) for unknown or inactive users.
 */
public interface ListPostsUseCase {
    int MAX_LIMIT = 100;
    int DEFAULT_LIMIT = 20;

    PostPage listOwn(User author, Optional<PostId> olderThan, int limit);

    PostPage listByAuthor(String username, Optional<PostId> olderThan, int limit);
}
