package dev.postbox.ports.service;

import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.UserRepository;

/** Finds a user by a name as typed (any letter case); a malformed name is a user nobody has. */
final class UserLookup {
    private final UserRepository users;

    UserLookup(UserRepository users) {
        this.users = users;
    }

    /** @throws NotFoundException {@code user.not_found} when there is no such user */
    User any(String rawUsername) {
        return Username.tryParse(rawUsername).flatMap(users::findByUsername)
                .orElseThrow(NotFoundException::noSuchUser);
    }

    /** @throws NotFoundException {@code user.not_found} also for an inactive user (others see no difference) */
    User active(String rawUsername) {
        User user = any(rawUsername);
        if (!user.active()) {
            throw NotFoundException.noSuchUser();
        }
        return user;
    }
}
