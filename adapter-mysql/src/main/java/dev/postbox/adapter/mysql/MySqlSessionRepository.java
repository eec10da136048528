package dev.postbox.adapter.mysql;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionTokenHash;
import dev.postbox.domain.UserId;
import dev.postbox.ports.out.SessionRepository;
import org.jooq.Record;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static dev.postbox.adapter.mysql.jooq.Tables.POSTBOX_SESSION;

/** Sessions in {@code postbox_session}, keyed by the token's SHA-256 in hex. */
final class MySqlSessionRepository implements SessionRepository {
    private final ReadWriteRouter router;

    MySqlSessionRepository(ReadWriteRouter router) {
        this.router = router;
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
