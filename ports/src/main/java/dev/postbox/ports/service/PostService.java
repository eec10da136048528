package dev.postbox.ports.service;

import dev.postbox.domain.ForbiddenException;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.ports.in.CreatePostUseCase;
import dev.postbox.ports.in.DeletePostUseCase;
import dev.postbox.ports.in.ListPostsUseCase;
import dev.postbox.ports.out.IdGenerator;
import dev.postbox.ports.out.PostRepository;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;

import java.util.List;
import java.util.Optional;

/** Writing, listing and deleting posts. */
public final class PostService implements CreatePostUseCase, ListPostsUseCase, DeletePostUseCase {
    private final PostRepository posts;
    private final UserRepository users;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;

    public PostService(PostRepository posts, UserRepository users, IdGenerator ids, UnitOfWork unitOfWork) {
        this.posts = posts;
        this.users = users;
        this.ids = ids;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Post create(CreatePost command) {
        Post post = new Post(command.author().username(), ids.newPostId(), new PostContent(command.content()));
        posts.insert(post);
        return post;
    }

    @Override
    public PostPage listOwn(User author, Optional<PostId> olderThan, int limit) {
        return page(author.username(), olderThan, limit);
    }

    @Override
    public PostPage listByAuthor(String username, Optional<PostId> olderThan, int limit) {
        checkLimit(limit);
        User author = unitOfWork.run(() -> findActive(username));
        return page(author.username(), olderThan, limit);
    }

    private PostPage page(Username author, Optional<PostId> olderThan, int limit) {
        checkLimit(limit);
        // one extra row tells whether an older page exists, without a second query
        List<Post> found = posts.listByAuthor(author, olderThan, Math.min(limit + 1, MAX_LIMIT + 1));
        if (found.size() <= limit) {
            return new PostPage(found, Optional.empty());
        }
        List<Post> shown = found.subList(0, limit);
        return new PostPage(shown, Optional.of(shown.get(limit - 1).id()));
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit.out_of_range",
                    "The page size must be between 1 and " + MAX_LIMIT + ".");
        }
    }

    @Override
    public void delete(DeletePost command) {
        unitOfWork.run(() -> {
            User actor = command.actor();
            Username author;
            if (sameUser(actor.username(), command.author())) {
                author = actor.username();
            } else if (actor.superuser()) {
                author = findAny(command.author()).username();
            } else {
                throw new ForbiddenException("post.forbidden", "You can only delete your own posts.");
            }
            if (!posts.delete(author, command.id())) {
                throw postNotFound();
            }
            return null;
        });
    }

    private static boolean sameUser(Username username, String raw) {
        try {
            return username.sameAs(new Username(raw));
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private User findActive(String raw) {
        User user = findAny(raw);
        if (!user.active()) {
            throw userNotFound();
        }
        return user;
    }

    private User findAny(String raw) {
        Username username;
        try {
            username = new Username(raw);
        } catch (InvalidInputException e) {
            throw userNotFound();
        }
        return users.findByUsername(username).orElseThrow(PostService::userNotFound);
    }

    private static NotFoundException userNotFound() {
        return new NotFoundException("user.not_found", "No such user.");
    }

    private static NotFoundException postNotFound() {
        return new NotFoundException("post.not_found", "No such post.");
    }
}
