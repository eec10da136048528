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

    /** The page of users a store read with {@link PageRequest#rowsToFetch()} rows, in canonical order. */
    public static UserPage of(List<User> rows, PageRequest page) {
        PageRequest.Cut<User, String> cut = page.cut(rows, user -> user.username().canonical());
        return new UserPage(cut.items(), cut.next());
    }
}
