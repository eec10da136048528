package dev.postbox.adapter.mysql;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionTokenHash;
import dev.postbox.domain.UserId;
import dev.postbox.ports.out.SessionRepository;
import org.jooq.Field;
import org.jooq.Record;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.postbox.adapter.mysql.jooq.Tables.AUTH_USER;
import static dev.postbox.adapter.mysql.jooq.Tables.POSTBOX_SESSION;

/** Sessions in {@code postbox_session}, keyed by the token's SHA-256 in hex. */
final class MySqlSessionRepository implements SessionRepository {
    /** The session's and the user's columns, in the order {@link #SESSION_WITH_USER} selects them. */
    private static final Field<?>[] SESSION_WITH_USER_FIELDS = Stream.concat(
            Arrays.stream(POSTBOX_SESSION.fields()), Arrays.stream(AUTH_USER.fields())).toArray(Field<?>[]::new);
    /**
     * The session and its user in one round trip, for every logged-in request. Written once as
     * text (columns taken from the generated tables) so jOOQ does not render the query each time.
     */
    private static final String SESSION_WITH_USER = "select "
            + columns("s", POSTBOX_SESSION.fields()) + ", " + columns("u", AUTH_USER.fields())
            + " from " + POSTBOX_SESSION.getName() + " s join " + AUTH_USER.getName() + " u on u."
            + AUTH_USER.ID.getName() + " = s." + POSTBOX_SESSION.USER_ID.getName()
            + " where s." + POSTBOX_SESSION.TOKEN_HASH.getName() + " = ?";

    private final ReadWriteRouter router;

    MySqlSessionRepository(ReadWriteRouter router) {
        this.router = router;
    }

    private static String columns(String alias, Field<?>[] fields) {
        return Arrays.stream(fields).map(f -> alias + "." + f.getName()).collect(Collectors.joining(", "));
    }

    @Override
    public void insert(Session session) {
        Objects.requireNonNull(session, "session");
        router.writeOrDuplicate(dsl -> dsl.insertInto(POSTBOX_SESSION)
                        .set(POSTBOX_SESSION.TOKEN_HASH, session.tokenHash().hex())
                        .set(POSTBOX_SESSION.USER_ID, session.userId().value())
                        .set(POSTBOX_SESSION.CREATED, Times.toDb(session.created()))
                        .set(POSTBOX_SESSION.LAST_SEEN, Times.toDb(session.lastSeen()))
                        .set(POSTBOX_SESSION.EXPIRES, Times.toDb(session.expires()))
                        .set(POSTBOX_SESSION.CSRF_SECRET, session.csrfSecret())
                        .execute(),
                () -> new IllegalStateException("a session with this token hash exists already"));
    }

    @Override
    public Optional<Session> find(SessionTokenHash hash) {
        Objects.requireNonNull(hash, "hash");
        return router.find(dsl -> dsl.selectFrom(POSTBOX_SESSION)
                .where(POSTBOX_SESSION.TOKEN_HASH.eq(hash.hex()))
                .fetchOptional()
                .map(MySqlSessionRepository::toSession));
    }

    /**
     * One JOIN of the session on its user, as a point look-up: on the replica, asked again on the
     * primary when the replica does not have it yet (a session just created elsewhere).
     */
    @Override
    public Optional<SessionWithUser> findWithUser(SessionTokenHash hash) {
        Objects.requireNonNull(hash, "hash");
        return router.find(dsl -> dsl.resultQuery(SESSION_WITH_USER, hash.hex())
                .coerce(SESSION_WITH_USER_FIELDS)
                .fetchOptional()
                .map(r -> new SessionWithUser(toSession(r), MySqlUserRepository.toUser(r))));
    }

    @Override
    public void touch(SessionTokenHash hash, Instant lastSeen, Instant expires) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(expires, "expires");
        router.write(dsl -> dsl.update(POSTBOX_SESSION)
                .set(POSTBOX_SESSION.LAST_SEEN, Times.toDb(lastSeen))
                .set(POSTBOX_SESSION.EXPIRES, Times.toDb(expires))
                .where(POSTBOX_SESSION.TOKEN_HASH.eq(hash.hex()))
                .execute());
    }

    @Override
    public boolean delete(SessionTokenHash hash) {
        Objects.requireNonNull(hash, "hash");
        return router.write(dsl -> dsl.deleteFrom(POSTBOX_SESSION)
                .where(POSTBOX_SESSION.TOKEN_HASH.eq(hash.hex()))
                .execute()) > 0;
    }

    @Override
    public int deleteAllForUser(UserId user) {
        Objects.requireNonNull(user, "user");
        return router.write(dsl -> dsl.deleteFrom(POSTBOX_SESSION)
                .where(POSTBOX_SESSION.USER_ID.eq(user.value()))
                .execute());
    }

    @Override
    public int purgeExpired(Instant now, int batchSize) {
        Objects.requireNonNull(now, "now");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        // ORDER BY + LIMIT walks the expiry index from the oldest, so each batch locks few rows
        return router.write(dsl -> dsl.deleteFrom(POSTBOX_SESSION)
                .where(POSTBOX_SESSION.EXPIRES.le(Times.toDb(now)))
                .orderBy(POSTBOX_SESSION.EXPIRES)
                .limit(batchSize)
                .execute());
    }

    private static Session toSession(Record r) {
        return new Session(new SessionTokenHash(r.get(POSTBOX_SESSION.TOKEN_HASH)),
                new UserId(r.get(POSTBOX_SESSION.USER_ID)),
                Times.fromDb(r.get(POSTBOX_SESSION.CREATED)),
                Times.fromDb(r.get(POSTBOX_SESSION.LAST_SEEN)),
                Times.fromDb(r.get(POSTBOX_SESSION.EXPIRES)),
                r.get(POSTBOX_SESSION.CSRF_SECRET));
    }
}
