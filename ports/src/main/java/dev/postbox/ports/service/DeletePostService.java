package dev.postbox.ports.service;

import dev.postbox.domain.ForbiddenException;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.ports.in.DeletePostUseCase;
import dev.postbox.ports.out.PostRepository;
import dev.postbox.ports.out.UnitOfWork;

/** Delete a post: the author may, a superuser may delete anyone's, nobody else. */
final class DeletePostService implements DeletePostUseCase {
    private final PostRepository posts;
    private final UserLookup users;
    private final UnitOfWork unitOfWork;

    DeletePostService(PostRepository posts, UserLookup users, UnitOfWork unitOfWork) {
        this.posts = posts;
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void delete(DeletePost command) {
        unitOfWork.run(() -> {
            User actor = command.actor();
            boolean own = Username.tryParse(command.author()).map(actor.username()::sameAs).orElse(false);
            if (!own && !actor.superuser()) {
                throw new ForbiddenException("post.forbidden", "You can only delete your own posts.");
            }
            // posts are kept under the username as stored, so another author's is looked up
            Username author = own ? actor.username() : users.any(command.author()).username();
            if (!posts.delete(author, command.id())) {
                throw NotFoundException.noSuchPost();
            }
            return null;
        });
    }
}
