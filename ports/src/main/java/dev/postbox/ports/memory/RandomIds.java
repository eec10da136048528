package dev.postbox.ports.memory;

import dev.postbox.domain.PostId;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.SessionToken;
import dev.postbox.ports.out.IdGenerator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/** The production {@link IdGenerator}: time-based post ids, and tokens and CSRF secrets from {@link SecureRandom}. */
public final class RandomIds implements IdGenerator {
    private static final int CSRF_SECRET_BYTES = 32;

    private final PostIdGenerator postIds;
    private final SecureRandom random = new SecureRandom();

    public RandomIds(Clock clock) {
        this.postIds = new PostIdGenerator(Objects.requireNonNull(clock, "clock"));
    }

    public RandomIds() {
        this(Clock.systemUTC());
    }

    @Override
    public PostId newPostId() {
        return postIds.next();
    }

    @Override
    public SessionToken newSessionToken() {
        return SessionToken.random();
    }

    /** 256 random bits as 43 base64url characters, without padding. */
    @Override
    public String newCsrfSecret() {
        byte[] bytes = new byte[CSRF_SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
