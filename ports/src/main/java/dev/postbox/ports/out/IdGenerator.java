package dev.postbox.ports.out;

import dev.postbox.domain.PostId;
import dev.postbox.domain.SessionToken;

/** Where new ids and secrets come from; tests may substitute a deterministic one. */
public interface IdGenerator {
    PostId newPostId();

    SessionToken newSessionToken();

    /** A fresh CSRF secret for a session: at least 128 random bits, URL-safe text. */
    String newCsrfSecret();
}
