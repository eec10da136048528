package dev.postbox.ports.memory;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.User;
import dev.postbox.domain.UserId;
import dev.postbox.domain.UserPage;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.UserRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Users in memory: unique by canonical username, listed in canonical order, like the MySQL store.
 * One lock guards both indexes so the uniqueness check and the insert are one step; the values
 * are immutable records, so nothing handed out can change what is stored.
 */
public final class InMemoryUserRepository implements UserRepository {
    private final NavigableMap<String, User> byCanonical = new TreeMap<>();
    private final Map<UserId, String> canonicalById = new HashMap<>();
    private long lastId;

    @Override
    public synchronized User insert(NewUser user) {
        Objects.requireNonNull(user, "user");
        String key = user.username().canonical();
        if (byCanonical.containsKey(key)) {
            throw new ConflictException("username.taken", "A user with that username already exists.");
        }
        User stored = user.withId(new UserId(++lastId));
        byCanonical.put(key, stored);
        canonicalById.put(stored.id(), key);
        return stored;
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        String key = canonicalById.get(id);
        return key == null ? Optional.empty() : Optional.of(byCanonical.get(key));
    }

    @Override
    public synchronized Optional<User> findByUsername(Username username) {
        return Optional.ofNullable(byCanonical.get(username.canonical()));
    }

    @Override
    public boolean updatePassword(UserId id, PasswordHash hash) {
        Objects.requireNonNull(hash, "hash");
        return update(id, user -> user.withPasswordHash(hash));
    }

    @Override
    public boolean recordLogin(UserId id, Instant when) {
        Objects.requireNonNull(when, "when");
        return update(id, user -> user.withLastLogin(when));
    }

    @Override
    public boolean setActive(UserId id, boolean active) {
        return update(id, user -> user.withActive(active));
    }

    @Override
    public boolean setStaff(UserId id, boolean staff) {
        return update(id, user -> user.withStaff(staff));
    }

    private synchronized boolean update(UserId id, UnaryOperator<User> change) {
        String key = canonicalById.get(id);
        if (key == null) {
            return false;
        }
        byCanonical.put(key, change.apply(byCanonical.get(key)));
        return true;
    }

    @Override
    public synchronized UserPage list(String canonicalPrefix, Optional<String> afterCanonical, PageRequest page) {
        Objects.requireNonNull(canonicalPrefix, "canonicalPrefix");
        Objects.requireNonNull(page, "page");
        NavigableMap<String, User> from = afterCanonical.isPresent() && afterCanonical.get().compareTo(canonicalPrefix) >= 0
                ? byCanonical.tailMap(afterCanonical.get(), false)
                : byCanonical.tailMap(canonicalPrefix, true);
        List<User> rows = new ArrayList<>(page.rowsToFetch());
        for (Map.Entry<String, User> entry : from.entrySet()) {
            if (!entry.getKey().startsWith(canonicalPrefix) || rows.size() == page.rowsToFetch()) {
                break;
            }
            rows.add(entry.getValue());
        }
        return UserPage.of(rows, page);
    }
}
