package dev.postbox.domain;

import java.util.List;
import java.util.Optional;

/**
 * One page of users ordered by canonical username.
 *
 * @param after the cursor for the next page (the last canonical username shown), when there may be one
 */
public record UserPage(List<User> users, Optional<String> after) {
    public UserPage {
        users = List.copyOf(users);
        after = after == null ? Optional.empty() : after;
    }
}
