package dev.postbox.ports.in;

import dev.postbox.domain.Post;
import dev.postbox.domain.User;

/** Write a post as the given (authenticated) user. */
public interface CreatePostUseCase {
    record CreatePost(User author, String content) {
    }

    Post create(CreatePost command);
}
