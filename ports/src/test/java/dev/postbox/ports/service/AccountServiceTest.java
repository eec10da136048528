package dev.postbox.ports.service;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.InvalidInputException.Violation;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;
import dev.postbox.domain.Email;
import dev.postbox.domain.Username;
import dev.postbox.ports.in.ChangePasswordUseCase.ChangePassword;
import dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceTest {
    private static final String PASSWORD = "correct horse battery staple";
    private final TestCore core = new TestCore();
    private final AccountService accounts = core.postbox.accounts();

    private User register(String name) {
        return accounts.register(new RegisterUser(name, name + "@example.com", PASSWORD));
    }

    private LoggedIn logIn(String name, String password) {
        return accounts.logIn(new LogIn(name, password));
    }

    @Test
    void registersAnActiveOrdinaryUserWithAnArgon2Hash() {
        User user = register("alice");
        assertThat(user.active()).isTrue();
        assertThat(user.superuser()).isFalse();
        assertThat(user.staff()).isFalse();
        assertThat(user.passwordHash().value()).startsWith("argon2$argon2id$");
        assertThat(user.dateJoined()).isEqualTo(core.clock.instant());
    }

    @Test
    void reportsEveryBrokenRuleAtOnceByField() {
        assertThatThrownBy(() -> accounts.register(new RegisterUser("no spaces", "not-an-email", "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("username", "username.invalid"),
                                org.assertj.core.groups.Tuple.tuple("email", "email.invalid"),
                                org.assertj.core.groups.Tuple.tuple("password", "password.too_short")));
    }

    @Test
    void refusesTheUsernameAsPasswordAndCommonPasswords() {
        assertThatThrownBy(() -> accounts.register(new RegisterUser("longusername12", "a@example.com", "LongUsername12")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("password.is_username"));
        assertThatThrownBy(() -> accounts.register(new RegisterUser("bob", "b@example.com", "password1234")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("password.too_common"));
    }

    @Test
    void aTakenUsernameInAnyCaseIsAConflictAndChangesNothing() {
        User first = register("Carol");
        assertThatThrownBy(() -> accounts.register(new RegisterUser("cAROL", "other@example.com", PASSWORD)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("username.taken"));
        assertThat(core.users.findByUsername(new Username("carol"))).contains(first);
    }

    @Test
    void logsInCaseInsensitivelyWithANewSessionEachTime() {
        register("Dave");
        LoggedIn one = logIn("dave", PASSWORD);
        LoggedIn two = logIn("DAVE", PASSWORD);
        assertThat(one.token()).isNotEqualTo(two.token());
        assertThat(one.session().tokenHash()).isEqualTo(one.token().hash());
        assertThat(core.sessions.find(one.token().hash())).isPresent();
        assertThat(accounts.resolve(two.token())).get().extracting(c -> c.user().username().value()).isEqualTo("Dave");
        assertThat(core.users.findByUsername(new Username("dave")).orElseThrow().lastLogin()).isEqualTo(core.clock.instant());
    }

    @Test
    void unknownUserWrongPasswordAndInactiveUserFailAlike() {
        User erin = register("erin");
        String unknown = messageOf(() -> logIn("nobody", PASSWORD));
        String wrong = messageOf(() -> logIn("erin", PASSWORD + "!"));
        core.users.setActive(erin.id(), false);
        String inactive = messageOf(() -> logIn("erin", PASSWORD));
        String malformed = messageOf(() -> logIn("not a name", PASSWORD));
        assertThat(unknown).isEqualTo(wrong).isEqualTo(inactive).isEqualTo(malformed)
                .startsWith("Please enter a correct username and password.");
    }

    private static String messageOf(Runnable login) {
        try {
            login.run();
        } catch (NotAuthenticatedException e) {
            assertThat(e.code()).isEqualTo("login.failed");
            return e.getMessage();
        }
        throw new AssertionError("login should have failed");
    }

    @Test
    void aPbkdf2HashIsUpgradedToArgon2OnTheNextLogin() {
        PasswordHash old = core.hasher.hashPbkdf2(PASSWORD, 1000);
        User frank = core.users.insert(new NewUser(new Username("frank"), new Email("f@example.com"), old,
                false, false, true, core.clock.instant()));
        logIn("frank", PASSWORD);
        String stored = core.users.findById(frank.id()).orElseThrow().passwordHash().value();
        assertThat(stored).startsWith("argon2$argon2id$");
        logIn("frank", PASSWORD);
    }

    @Test
    void logOutEndsTheSession() {
        register("gina");
        LoggedIn in = logIn("gina", PASSWORD);
        accounts.logOut(in.token());
        assertThat(accounts.resolve(in.token())).isEmpty();
        assertThat(core.sessions.find(in.token().hash())).isEmpty();
        accounts.logOut(in.token());
    }

    @Test
    void unknownTokensResolveToNobody() {
        assertThat(accounts.resolve(SessionToken.random())).isEmpty();
    }

    @Test
    void lastSeenIsWrittenAtMostOncePerTouchInterval() {
        register("hank");
        LoggedIn in = logIn("hank", PASSWORD);
        Session stored = core.sessions.find(in.token().hash()).orElseThrow();

        core.clock.advance(Duration.ofMinutes(4));
        assertThat(accounts.resolve(in.token())).isPresent();
        assertThat(core.sessions.find(in.token().hash())).contains(stored);

        core.clock.advance(Duration.ofMinutes(2));
        assertThat(accounts.resolve(in.token())).isPresent();
        Session touched = core.sessions.find(in.token().hash()).orElseThrow();
        assertThat(touched.lastSeen()).isEqualTo(core.clock.instant());
        assertThat(touched.expires()).isEqualTo(core.clock.instant().plus(TestCore.POLICY.maxIdle()));
    }

    @Test
    void anIdleSessionExpiresAndIsDeleted() {
        register("ivan");
        LoggedIn in = logIn("ivan", PASSWORD);
        core.clock.advance(TestCore.POLICY.maxIdle());
        assertThat(accounts.resolve(in.token())).isEmpty();
        assertThat(core.sessions.find(in.token().hash())).isEmpty();
    }

    @Test
    void aDeactivatedUsersSessionNoLongerResolves() {
        User jane = register("jane");
        LoggedIn in = logIn("jane", PASSWORD);
        core.users.setActive(jane.id(), false);
        assertThat(accounts.resolve(in.token())).isEmpty();
    }

    @Test
    void changingThePasswordEndsEverySessionAndStartsANewOne() {
        register("kate");
        LoggedIn laptop = logIn("kate", PASSWORD);
        LoggedIn phone = logIn("kate", PASSWORD);
        LoggedIn fresh = accounts.changePassword(new ChangePassword(laptop.token(), PASSWORD, "a much better passphrase"));

        assertThat(accounts.resolve(laptop.token())).isEmpty();
        assertThat(accounts.resolve(phone.token())).isEmpty();
        assertThat(accounts.resolve(fresh.token())).isPresent();
        assertThatThrownBy(() -> logIn("kate", PASSWORD)).isInstanceOf(NotAuthenticatedException.class);
        assertThat(logIn("kate", "a much better passphrase").user().username().value()).isEqualTo("kate");
    }

    @Test
    void changingThePasswordChecksTheOldOneAndTheNewOnesStrength() {
        register("liam");
        LoggedIn in = logIn("liam", PASSWORD);
        assertThatThrownBy(() -> accounts.changePassword(new ChangePassword(in.token(), "wrong password!", "a much better passphrase")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).contains("old_password");
                    assertThat(e.code()).isEqualTo("password.wrong");
                });
        assertThatThrownBy(() -> accounts.changePassword(new ChangePassword(in.token(), PASSWORD, "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).contains("new_password");
                    assertThat(e.code()).isEqualTo("password.too_short");
                });
        assertThat(accounts.resolve(in.token())).isPresent();
        assertThatThrownBy(() -> accounts.changePassword(new ChangePassword(SessionToken.random(), PASSWORD, "a much better passphrase")))
                .isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void createsSuperusersWithTheSameRules() {
        User admin = accounts.createSuperuser(new CreateSuperuser("admin", "admin@example.com", PASSWORD));
        assertThat(admin.superuser()).isTrue();
        assertThat(admin.staff()).isTrue();
        assertThatThrownBy(() -> accounts.createSuperuser(new CreateSuperuser("root", "root@example.com", "rootroot")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> accounts.createSuperuser(new CreateSuperuser("ADMIN", "x@example.com", PASSWORD)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void commandsNeverShowPasswordsWhenPrinted() {
        assertThat(new RegisterUser("u", "e@example.com", PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(new LogIn("u", PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(new LogIn("u", PASSWORD, "203.0.113.9").toString()).doesNotContain(PASSWORD).contains("203.0.113.9");
        assertThat(new ChangePassword(SessionToken.random(), PASSWORD, PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(new CreateSuperuser("u", "e@example.com", PASSWORD).toString()).doesNotContain(PASSWORD);
    }
}
