package dev.postbox.ports.service;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.User;
import dev.postbox.ports.in.ListPostsUseCase;
import dev.postbox.ports.out.PostRepository;
import dev.postbox.ports.out.UnitOfWork;

import java.util.Objects;
import java.util.Optional;

/** An author's posts, a page at a time; another author's only while that user is active. */
final class ListPostsService implements ListPostsUseCase {
    private final PostRepository posts;
    private final UserLookup users;
    private final UnitOfWork unitOfWork;

    ListPostsService(PostRepository posts, UserLookup users, UnitOfWork unitOfWork) {
        this.posts = posts;
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public PostPage listOwn(User author, Optional<PostId> olderThan, PageRequest page) {
        Objects.requireNonNull(page, "page");
        return posts.listByAuthor(author.username(), olderThan, page);
    }

    @Override
    public PostPage listByAuthor(String username, Optional<PostId> olderThan, PageRequest page) {
        Objects.requireNonNull(page, "page");
        User author = unitOfWork.run(() -> users.active(username));
        return posts.listByAuthor(author.username(), olderThan, page);
    }
}
