package dev.postbox.adapter.http;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.PostRepository;

import java.util.Optional;

/** A post store that passes every call to {@link #delegate()}; tests override the call they change. */
interface ForwardingPosts extends PostRepository {
    PostRepository delegate();

    @Override
    default void insert(Post post) {
        delegate().insert(post);
    }

    @Override
    default PostPage listByAuthor(Username author, Optional<PostId> olderThan, PageRequest page) {
        return delegate().listByAuthor(author, olderThan, page);
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
