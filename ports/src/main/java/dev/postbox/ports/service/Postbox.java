package dev.postbox.ports.service;

import dev.postbox.domain.PasswordPolicy;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.ports.memory.InMemoryLoginAttempts;
import dev.postbox.ports.out.IdGenerator;
import dev.postbox.ports.out.LoginAttempts;
import dev.postbox.ports.out.PasswordHasher;
import dev.postbox.ports.out.PostRepository;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The application core in one object: every use case, built over the driven ports you give it.
 * Embedders and the launcher make one of these; adapters take the use cases from it.
 */
public final class Postbox {
    /**
     * The driven ports a store (or several) provides. {@code loginAttempts} must be shared by
     * every instance serving the same users, or the login throttle counts per instance.
     */
    public record Storage(UserRepository users, SessionRepository sessions, PostRepository posts, UnitOfWork unitOfWork,
                          LoginAttempts loginAttempts) {
        public Storage {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(posts, "posts");
            Objects.requireNonNull(unitOfWork, "unitOfWork");
            Objects.requireNonNull(loginAttempts, "loginAttempts");
        }

        /** Failed logins counted in this process's memory (one instance, tests, embedders). */
        public Storage(UserRepository users, SessionRepository sessions, PostRepository posts, UnitOfWork unitOfWork) {
            this(users, sessions, posts, unitOfWork, new InMemoryLoginAttempts());
        }
    }

    /** Sessions a cache keeps at most: about 5 MB, far more than one instance serves within its time to live. */
    static final int SESSION_CACHE_ENTRIES = 10_000;

    private final AccountService accounts;
    private final PostService posts;
    private final AdminService admin;

    /** With the default login throttle ({@link LoginThrottle#DEFAULT}). */
    public Postbox(Storage storage, PasswordHasher hasher, IdGenerator ids, Clock clock, SessionPolicy sessionPolicy) {
        this(storage, hasher, ids, clock, sessionPolicy, LoginThrottle.DEFAULT);
    }

    /** Without a session cache: every request reads its session from the store. */
    public Postbox(Storage storage, PasswordHasher hasher, IdGenerator ids, Clock clock, SessionPolicy sessionPolicy,
                   LoginThrottle loginThrottle) {
        this(storage, hasher, ids, clock, sessionPolicy, loginThrottle, Duration.ZERO);
    }

    /**
     * @param sessionCacheTtl how long a session read stays in this instance's memory; zero reads
     *        the store on every request. A logout, password change or deactivation made through
     *        another instance applies here within that time (see {@link CachedSessions}).
     */
    public Postbox(Storage storage, PasswordHasher hasher, IdGenerator ids, Clock clock, SessionPolicy sessionPolicy,
                   LoginThrottle loginThrottle, Duration sessionCacheTtl) {
        SessionRepository sessions = sessionCacheTtl.isZero() ? storage.sessions()
                : new CachedSessions(storage.sessions(), clock, sessionCacheTtl, SESSION_CACHE_ENTRIES);
        this.accounts = new AccountService(storage.users(), sessions, hasher, ids, clock,
                sessionPolicy, PasswordPolicy.standard(), storage.unitOfWork(), storage.loginAttempts(), loginThrottle);
        this.posts = new PostService(storage.posts(), storage.users(), ids, storage.unitOfWork());
        this.admin = new AdminService(storage.users(), sessions, storage.unitOfWork());
    }

    /** Sign-up, log in/out, session resolution, password change, createsuperuser. */
    public AccountService accounts() {
        return accounts;
    }

    /** Create, list and delete posts. */
    public PostService posts() {
        return posts;
    }

    /** User administration. */
    public AdminService admin() {
        return admin;
    }
}
