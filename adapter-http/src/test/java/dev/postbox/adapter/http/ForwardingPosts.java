package dev.postbox.adapter.http;

import dev.postbox.domain.Post;
import dev.postbox.domain.PostId;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.PostRepository;

import java.util.List;
import java.util.Optional;

/** A post store that passes every call to {@link #delegate()}; tests override the call they change. */
interface ForwardingPosts extends PostRepository {
    PostRepository delegate();

    @Override
    default void insert(Post post) {
        delegate().insert(post);
    }

    @Override
    default List<Post> listByAuthor(Username author, Optional<PostId> olderThan, int limit) {
        return delegate().listByAuthor(author, olderThan, limit);
    }

    @Override
    default Optional<Post> find(Username author, PostId id) {
        return delegate().find(author, id);
    }

    @Override
    default boolean delete(Username author, PostId id) {
        return delegate().delete(author, id);
    }
}
