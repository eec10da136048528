package dev.postbox.ports.in;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.User;
import dev.postbox.domain.UserId;
import dev.postbox.domain.UserPage;

import java.util.Optional;

/**
 * The administrator's use cases; every one requires a superuser actor
 * ({@link dev.postbox.domain.ForbiddenException} otherwise). Deactivating a user ends their sessions.
 */
public interface ManageUsersUseCase {
    record ListUsers(User actor, String usernamePrefix, Optional<String> after, PageRequest page) {
    }

    UserPage listUsers(ListUsers query);

    User setActive(User actor, UserId target, boolean active);

    User setStaff(User actor, UserId target, boolean staff);
}
