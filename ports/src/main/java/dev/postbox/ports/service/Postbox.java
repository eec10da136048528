package dev.postbox.ports.service;

import dev.postbox.domain.PasswordPolicy;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.ports.crypto.DjangoPasswordHasher;
import dev.postbox.ports.in.ChangePasswordUseCase;
import dev.postbox.ports.in.CreatePostUseCase;
import dev.postbox.ports.in.CreateSuperuserUseCase;
import dev.postbox.ports.in.DeletePostUseCase;
import dev.postbox.ports.in.ListPostsUseCase;
import dev.postbox.ports.in.LogInUseCase;
import dev.postbox.ports.in.LogOutUseCase;
import dev.postbox.ports.in.ManageUsersUseCase;
import dev.postbox.ports.in.RegisterUserUseCase;
import dev.postbox.ports.in.ResolveSessionUseCase;
import dev.postbox.ports.memory.InMemoryLoginAttempts;
import dev.postbox.ports.memory.InMemoryPostRepository;
import dev.postbox.ports.memory.InMemorySessionRepository;
import dev.postbox.ports.memory.InMemoryUserRepository;
import dev.postbox.ports.memory.RandomIds;
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
 * The application core: one service per use case, built over the driven ports you give it, and
 * handed out as driving ports by intent ({@link #logIn()}, {@link #listPosts()}, ...). Embedders
 * and the launcher make one of these; adapters take the use cases from it.
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

        /** Everything in this process's memory, empty: lost when the process ends. */
        public static Storage inMemory() {
            InMemoryUserRepository users = new InMemoryUserRepository();
            return new Storage(users, new InMemorySessionRepository(users), new InMemoryPostRepository(), UnitOfWork.NONE);
        }
    }

    /** Sessions a cache keeps at most: about 6 MiB (some 660 bytes an entry), far more than one instance serves within its time to live. */
    static final int SESSION_CACHE_ENTRIES = 10_000;

    private final LogInUseCase logIn;
    private final LogOutUseCase logOut;
    private final RegisterUserUseCase register;
    private final ResolveSessionUseCase resolveSession;
    private final ChangePasswordUseCase changePassword;
    private final CreateSuperuserUseCase createSuperuser;
    private final CreatePostUseCase createPost;
    private final ListPostsUseCase listPosts;
    private final DeletePostUseCase deletePost;
    private final ManageUsersUseCase manageUsers;

    /**
     * The core on {@link Storage#inMemory()} with the production pieces: Argon2id at OWASP's
     * parameters, random ids, the system clock, two-week sessions, the default login throttle.
     */
    public static Postbox inMemory() {
        return new Postbox(Storage.inMemory(), new DjangoPasswordHasher(), new RandomIds(), Clock.systemUTC(),
                SessionPolicy.DEFAULT);
    }

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
        UserRepository users = storage.users();
        UnitOfWork unitOfWork = storage.unitOfWork();
        Passwords passwords = new Passwords(hasher, ids);
        SessionStarter starter = new SessionStarter(sessions, ids, sessionPolicy);
        NewUsers newUsers = new NewUsers(passwords, PasswordPolicy.standard(), clock);
        UserLookup lookup = new UserLookup(users);

        this.logIn = new LogInService(users, passwords, loginThrottle.over(storage.loginAttempts()), starter, clock, unitOfWork);
        this.logOut = new LogOutService(sessions, unitOfWork);
        this.register = new RegisterUserService(users, newUsers, unitOfWork);
        this.resolveSession = new ResolveSessionService(sessions, sessionPolicy, clock, unitOfWork);
        this.changePassword = new ChangePasswordService(resolveSession, users, sessions, passwords,
                PasswordPolicy.standard(), starter, clock, unitOfWork);
        this.createSuperuser = new CreateSuperuserService(users, newUsers, unitOfWork);
        this.createPost = new CreatePostService(storage.posts(), ids);
        this.listPosts = new ListPostsService(storage.posts(), lookup, unitOfWork);
        this.deletePost = new DeletePostService(storage.posts(), lookup, unitOfWork);
        this.manageUsers = new ManageUsersService(users, sessions, unitOfWork);
    }

    /** Log in with a username and password: a new session each time, throttled on failures. */
    public LogInUseCase logIn() {
        return logIn;
    }

    /** End a session. */
    public LogOutUseCase logOut() {
        return logOut;
    }

    /** Sign up. */
    public RegisterUserUseCase register() {
        return register;
    }

    /** The current user of a session token, for every logged-in request. */
    public ResolveSessionUseCase resolveSession() {
        return resolveSession;
    }

    /** Change one's password, ending every other session. */
    public ChangePasswordUseCase changePassword() {
        return changePassword;
    }

    /** The operator's createsuperuser. */
    public CreateSuperuserUseCase createSuperuser() {
        return createSuperuser;
    }

    /** Write a post. */
    public CreatePostUseCase createPost() {
        return createPost;
    }

    /** An author's posts, newest first, a page at a time. */
    public ListPostsUseCase listPosts() {
        return listPosts;
    }

    /** Delete a post (its author or a superuser). */
    public DeletePostUseCase deletePost() {
        return deletePost;
    }

    /** The administrator's user management. */
    public ManageUsersUseCase manageUsers() {
        return manageUsers;
    }
}
