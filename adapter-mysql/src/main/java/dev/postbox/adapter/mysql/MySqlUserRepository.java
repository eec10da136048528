package dev.postbox.adapter.mysql;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.Email;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.User;
import dev.postbox.domain.UserId;
import dev.postbox.domain.UserPage;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.UserRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.postbox.adapter.mysql.jooq.Tables.AUTH_USER;

/** Users in Django's {@code auth_user} table; unique by {@code username_canonical}. */
final class MySqlUserRepository implements UserRepository {
    private static final char LIKE_ESCAPE = '!';

    private final ReadWriteRouter router;

    MySqlUserRepository(ReadWriteRouter router) {
        this.router = router;
    }

    @Override
    public User insert(NewUser user) {
        Objects.requireNonNull(user, "user");
        long id = router.writeOrDuplicate(dsl -> dsl.insertInto(AUTH_USER)
                        .set(AUTH_USER.PASSWORD, user.passwordHash().value())
                        .set(AUTH_USER.LAST_LOGIN, (java.time.LocalDateTime) null)
                        .set(AUTH_USER.IS_SUPERUSER, user.superuser())
                        .set(AUTH_USER.USERNAME, user.username().value())
                        .set(AUTH_USER.USERNAME_CANONICAL, user.username().canonical())
                        .set(AUTH_USER.EMAIL, user.email().value())
                        .set(AUTH_USER.IS_STAFF, user.staff())
                        .set(AUTH_USER.IS_ACTIVE, user.active())
                        .set(AUTH_USER.DATE_JOINED, Times.toDb(user.dateJoined()))
                        .returningResult(AUTH_USER.ID)
                        .fetchOne(AUTH_USER.ID),
                () -> new ConflictException("username.taken", "A user with that username already exists."));
        return new User(new UserId(id), user.username(), user.email(), user.passwordHash(), user.superuser(),
                user.staff(), user.active(), Times.fromDb(Times.toDb(user.dateJoined())), null);
    }

    @Override
    public Optional<User> findById(UserId id) {
        Objects.requireNonNull(id, "id");
        return router.find(dsl -> selectWhere(dsl, AUTH_USER.ID.eq(id.value())));
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        Objects.requireNonNull(username, "username");
        return router.find(dsl -> selectWhere(dsl, AUTH_USER.USERNAME_CANONICAL.eq(username.canonical())));
    }

    private static Optional<User> selectWhere(DSLContext dsl, Condition condition) {
        return dsl.selectFrom(AUTH_USER).where(condition).fetchOptional().map(MySqlUserRepository::toUser);
    }

    @Override
    public boolean updatePassword(UserId id, PasswordHash hash) {
        Objects.requireNonNull(hash, "hash");
        return update(id, dsl -> dsl.update(AUTH_USER).set(AUTH_USER.PASSWORD, hash.value())
                .where(AUTH_USER.ID.eq(id.value())).execute());
    }

    @Override
    public boolean recordLogin(UserId id, Instant when) {
        Objects.requireNonNull(when, "when");
        return update(id, dsl -> dsl.update(AUTH_USER).set(AUTH_USER.LAST_LOGIN, Times.toDb(when))
                .where(AUTH_USER.ID.eq(id.value())).execute());
    }

    @Override
    public boolean setActive(UserId id, boolean active) {
        return update(id, dsl -> dsl.update(AUTH_USER).set(AUTH_USER.IS_ACTIVE, active)
                .where(AUTH_USER.ID.eq(id.value())).execute());
    }

    @Override
    public boolean setStaff(UserId id, boolean staff) {
        return update(id, dsl -> dsl.update(AUTH_USER).set(AUTH_USER.IS_STAFF, staff)
                .where(AUTH_USER.ID.eq(id.value())).execute());
    }

    /**
     * An update that changes nothing (same value) still counts as "user exists": MySQL reports
     * matched rows, not changed rows, because Connector/J sets useAffectedRows=false by default.
     */
    private boolean update(UserId id, java.util.function.Function<DSLContext, Integer> statement) {
        Objects.requireNonNull(id, "id");
        return router.write(statement) > 0;
    }

    @Override
    public UserPage list(String canonicalPrefix, Optional<String> afterCanonical, PageRequest page) {
        Objects.requireNonNull(canonicalPrefix, "canonicalPrefix");
        Objects.requireNonNull(afterCanonical, "afterCanonical");
        Objects.requireNonNull(page, "page");
        Condition condition = DSL.noCondition();
        if (!canonicalPrefix.isEmpty()) {
            condition = condition.and(AUTH_USER.USERNAME_CANONICAL.like(escapeLike(canonicalPrefix) + "%", LIKE_ESCAPE));
        }
        if (afterCanonical.isPresent()) {
            condition = condition.and(AUTH_USER.USERNAME_CANONICAL.gt(afterCanonical.get()));
        }
        Condition where = condition;
        List<User> rows = router.read(dsl -> dsl.selectFrom(AUTH_USER).where(where)
                .orderBy(AUTH_USER.USERNAME_CANONICAL).limit(page.rowsToFetch()).fetch(MySqlUserRepository::toUser));
        return UserPage.of(rows, page);
    }

    static String escapeLike(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    static User toUser(Record r) {
        return new User(new UserId(r.get(AUTH_USER.ID)), new Username(r.get(AUTH_USER.USERNAME)),
                new Email(r.get(AUTH_USER.EMAIL)), new PasswordHash(r.get(AUTH_USER.PASSWORD)),
                r.get(AUTH_USER.IS_SUPERUSER), r.get(AUTH_USER.IS_STAFF), r.get(AUTH_USER.IS_ACTIVE),
                Times.fromDb(r.get(AUTH_USER.DATE_JOINED)), Times.fromDb(r.get(AUTH_USER.LAST_LOGIN)));
    }
}
