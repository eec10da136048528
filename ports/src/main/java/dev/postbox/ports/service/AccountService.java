package dev.postbox.ports.service;

import dev.postbox.domain.Email;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.InvalidInputException.Violation;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.PasswordPolicy;
import dev.postbox.domain.Session;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.ports.in.ChangePasswordUseCase;
import dev.postbox.ports.in.CreateSuperuserUseCase;
import dev.postbox.ports.in.LogInUseCase;
import dev.postbox.ports.in.LogOutUseCase;
import dev.postbox.ports.in.RegisterUserUseCase;
import dev.postbox.ports.in.ResolveSessionUseCase;
import dev.postbox.ports.memory.InMemoryLoginAttempts;
import dev.postbox.ports.out.IdGenerator;
import dev.postbox.ports.out.LoginAttempts;
import dev.postbox.ports.out.PasswordHasher;
import dev.postbox.ports.out.PasswordHasher.Verification;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.SessionRepository.SessionWithUser;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts and sessions: sign-up, log in/out, session resolution, password change, superusers. */
public final class AccountService implements RegisterUserUseCase, LogInUseCase, LogOutUseCase,
        ResolveSessionUseCase, ChangePasswordUseCase, CreateSuperuserUseCase {

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;
    private final SessionPolicy sessionPolicy;
    private final PasswordPolicy passwordPolicy;
    private final UnitOfWork unitOfWork;
    /**
     * Verified against when the user is unknown, so both cases cost one hash (no timing oracle).
     * Made on first need, not at start: in a cold JVM the hash took a large share of the start.
     */
    private volatile PasswordHash dummyHash;
    private final LoginThrottle.Guard throttle;

    /** Throttles logins with the default limits, counted in this process only. */
    public AccountService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
                          IdGenerator ids, Clock clock, SessionPolicy sessionPolicy,
                          PasswordPolicy passwordPolicy, UnitOfWork unitOfWork) {
        this(users, sessions, hasher, ids, clock, sessionPolicy, passwordPolicy, unitOfWork,
                new InMemoryLoginAttempts(), LoginThrottle.DEFAULT);
    }

    /**
     * @param loginAttempts where failed logins are counted; give every instance the same store
     * @param loginThrottle how many failures per username and per address, within which window
     */
    public AccountService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
                          IdGenerator ids, Clock clock, SessionPolicy sessionPolicy,
                          PasswordPolicy passwordPolicy, UnitOfWork unitOfWork,
                          LoginAttempts loginAttempts, LoginThrottle loginThrottle) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
        this.sessionPolicy = sessionPolicy;
        this.passwordPolicy = passwordPolicy;
        this.unitOfWork = unitOfWork;
        this.throttle = loginThrottle.over(loginAttempts);
    }

    private PasswordHash dummyHash() {
        PasswordHash hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                hash = dummyHash;
                if (hash == null) {
                    hash = hasher.hash(ids.newCsrfSecret());
                    dummyHash = hash;
                }
            }
        }
        return hash;
    }

    @Override
    public User register(RegisterUser command) {
        return unitOfWork.run(() -> users.insert(newUser(command.username(), command.email(), command.password(), false)));
    }

    @Override
    public User createSuperuser(CreateSuperuser command) {
        return unitOfWork.run(() -> users.insert(newUser(command.username(), command.email(), command.password(), true)));
    }

    private NewUser newUser(String rawUsername, String rawEmail, String password, boolean superuser) {
        List<Violation> violations = new ArrayList<>();
        Username username = collect(violations, () -> new Username(rawUsername));
        Email email = collect(violations, () -> new Email(rawEmail));
        collect(violations, () -> {
            passwordPolicy.check(password, username);
            return null;
        });
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new NewUser(username, email, hasher.hash(password), superuser, superuser, true, now());
    }

    private static <T> T collect(List<Violation> violations, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    @Override
    public LoggedIn logIn(LogIn command) {
        return unitOfWork.run(() -> {
            Instant now = now();
            // before any look-up or hash: a refused attempt costs no CPU and reveals nothing
            throttle.check(command.username(), command.clientAddress(), now);
            String password = command.password() == null ? "" : command.password();
            Optional<User> found = parseUsername(command.username()).flatMap(users::findByUsername);
            if (found.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH * 2) {
                hasher.verify(password.length() > PasswordPolicy.MAX_LENGTH * 2 ? "" : password, dummyHash());
                throw failed(command, now);
            }
            User user = found.get();
            Verification verification = hasher.verify(password, user.passwordHash());
            if (!verification.matches() || !user.active()) {
                throw failed(command, now);
            }
            throttle.succeeded(command.username());
            if (verification == Verification.MATCH_NEEDS_REHASH) {
                PasswordHash upgraded = hasher.hash(password);
                users.updatePassword(user.id(), upgraded);
                user = user.withPasswordHash(upgraded);
            }
            users.recordLogin(user.id(), now);
            return startSession(user.withLastLogin(now), now);
        });
    }

    private static Optional<Username> parseUsername(String raw) {
        try {
            return Optional.of(new Username(raw));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private LoggedIn startSession(User user, Instant now) {
        SessionToken token = ids.newSessionToken();
        Session session = sessionPolicy.start(token.hash(), user.id(), now, ids.newCsrfSecret());
        sessions.insert(session);
        return new LoggedIn(user, token, session);
    }

    private NotAuthenticatedException failed(LogIn command, Instant now) {
        throttle.failed(command.username(), command.clientAddress(), now);
        return loginFailed();
    }

    private static NotAuthenticatedException loginFailed() {
        return new NotAuthenticatedException("login.failed",
                "Please enter a correct username and password. Note that both fields may be case-sensitive.");
    }

    @Override
    public void logOut(SessionToken token) {
        unitOfWork.run(() -> sessions.delete(token.hash()));
    }

    @Override
    public Optional<CurrentUser> resolve(SessionToken token) {
        return unitOfWork.run(() -> {
            // one read per request: the session with its user (one round trip where the store can)
            Optional<SessionWithUser> found = sessions.findWithUser(token.hash(), users);
            if (found.isEmpty()) {
                return Optional.<CurrentUser>empty();
            }
            Session session = found.get().session();
            User user = found.get().user();
            Instant now = now();
            if (session.isExpiredAt(now)) {
                sessions.delete(session.tokenHash());
                return Optional.<CurrentUser>empty();
            }
            if (!user.active()) {
                return Optional.<CurrentUser>empty();
            }
            if (sessionPolicy.needsTouch(session, now)) {
                session = sessionPolicy.touch(session, now);
                sessions.touch(session.tokenHash(), session.lastSeen(), session.expires());
            }
            return Optional.of(new CurrentUser(user, session));
        });
    }

    @Override
    public LoggedIn changePassword(ChangePassword command) {
        return unitOfWork.run(() -> {
            CurrentUser current = resolve(command.session()).orElseThrow(() ->
                    new NotAuthenticatedException("session.required", "Please log in first."));
            User user = current.user();
            String oldPassword = command.oldPassword() == null ? "" : command.oldPassword();
            if (oldPassword.length() > PasswordPolicy.MAX_LENGTH * 2
                    || !hasher.verify(oldPassword, user.passwordHash()).matches()) {
                throw new InvalidInputException("old_password", "password.wrong",
                        "Your old password was entered incorrectly. Please enter it again.");
            }
            try {
                passwordPolicy.check(command.newPassword(), user.username());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.violations().stream()
                        .map(v -> new Violation("new_password", v.code(), v.message())).toList());
            }
            PasswordHash hash = hasher.hash(command.newPassword());
            users.updatePassword(user.id(), hash);
            sessions.deleteAllForUser(user.id());
            return startSession(user.withPasswordHash(hash), now());
        });
    }

    private Instant now() {
        return clock.instant();
    }
}
