package dev.postbox.ports.out;

import dev.postbox.domain.NewUser;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.User;
import dev.postbox.domain.UserId;
import dev.postbox.domain.UserPage;
import dev.postbox.domain.Username;

import java.time.Instant;
import java.util.Optional;

/**
 * Where users live. Usernames are unique case-insensitively ({@link Username#canonical()}).
 * Every method may throw {@link dev.postbox.domain.StoreUnavailableException} when the store
 * cannot be reached in time.
 */
public interface UserRepository {
    /**
     * Stores a new user and returns it with its assigned id.
     *
     * @throws dev.postbox.domain.ConflictException with code {@code username.taken} when the
     *         username is taken in any letter case; nothing is changed then
     */
    User insert(NewUser user);

    Optional<User> findById(UserId id);

    /** Case-insensitive look-up. */
    Optional<User> findByUsername(Username username);

    /** @return false when no such user */
    boolean updatePassword(UserId id, PasswordHash hash);

    /** @return false when no such user */
    boolean recordLogin(UserId id, Instant when);

    /** @return false when no such user */
    boolean setActive(UserId id, boolean active);

    /** @return false when no such user */
    boolean setStaff(UserId id, boolean staff);

    /**
     * Users whose canonical username starts with {@code canonicalPrefix} (empty for all), ordered
     * by canonical username, strictly after {@code afterCanonical} when given: at most
     * {@code page.size()}, and the cursor set exactly when there are more. The prefix is literal
     * (no wildcards). Read {@link PageRequest#rowsToFetch()} rows and cut them with {@link UserPage#of}.
     */
    UserPage list(String canonicalPrefix, Optional<String> afterCanonical, PageRequest page);
}
