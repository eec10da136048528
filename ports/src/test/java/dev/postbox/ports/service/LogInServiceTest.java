package dev.postbox.ports.service;

import dev.postbox.domain.NewUser;
import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.PasswordPolicy;
import dev.postbox.domain.User;
import dev.postbox.domain.Email;
import dev.postbox.domain.Username;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Log in: case-insensitive names, a new session each time, one answer for every failure, hash upgrades. */
class LogInServiceTest {
    private final TestCore core = new TestCore();

    @Test
    void logsInCaseInsensitivelyWithANewSessionEachTime() {
        core.register("Dave");
        LoggedIn one = core.logIn("dave", TestCore.PASSWORD);
        LoggedIn two = core.logIn("DAVE", TestCore.PASSWORD);
        assertThat(one.token()).isNotEqualTo(two.token());
        assertThat(one.session().tokenHash()).isEqualTo(one.token().hash());
        assertThat(core.sessions.find(one.token().hash())).isPresent();
        assertThat(core.resolve(two.token())).get().extracting(c -> c.user().username().value()).isEqualTo("Dave");
        assertThat(core.users.findByUsername(new Username("dave")).orElseThrow().lastLogin()).isEqualTo(core.clock.instant());
    }

    @Test
    void unknownUserWrongPasswordAndInactiveUserFailAlike() {
        User erin = core.register("erin");
        String unknown = messageOf(() -> core.logIn("nobody", TestCore.PASSWORD));
        String wrong = messageOf(() -> core.logIn("erin", TestCore.PASSWORD + "!"));
        core.users.setActive(erin.id(), false);
        String inactive = messageOf(() -> core.logIn("erin", TestCore.PASSWORD));
        String malformed = messageOf(() -> core.logIn("not a name", TestCore.PASSWORD));
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
        PasswordHash old = core.hasher.hashPbkdf2(TestCore.PASSWORD, 1000);
        User frank = core.users.insert(new NewUser(new Username("frank"), new Email("f@example.com"), old,
                false, false, true, core.clock.instant()));
        core.logIn("frank", TestCore.PASSWORD);
        String stored = core.users.findById(frank.id()).orElseThrow().passwordHash().value();
        assertThat(stored).startsWith("argon2$argon2id$");
        core.logIn("frank", TestCore.PASSWORD);
    }

    @Test
    void anOverLongOrMissingPasswordFailsLikeAWrongOne() {
        core.register("olga");
        String wrong = messageOf(() -> core.logIn("olga", "a wrong password"));
        assertThat(messageOf(() -> core.logIn("olga", "x".repeat(PasswordPolicy.MAX_LENGTH * 2 + 1)))).isEqualTo(wrong);
        assertThat(messageOf(() -> core.logIn("olga", null))).isEqualTo(wrong);
        assertThat(messageOf(() -> core.logIn("nobody", "x".repeat(PasswordPolicy.MAX_LENGTH * 2 + 1)))).isEqualTo(wrong);
    }
}
