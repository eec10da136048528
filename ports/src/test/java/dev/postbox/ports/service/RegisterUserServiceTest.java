package dev.postbox.ports.service;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.InvalidInputException.Violation;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-up: the rules, all broken ones at once, and unique usernames in any letter case. */
class RegisterUserServiceTest {
    private final TestCore core = new TestCore();

    @Test
    void registersAnActiveOrdinaryUserWithAnArgon2Hash() {
        User user = core.register("alice");
        assertThat(user.active()).isTrue();
        assertThat(user.superuser()).isFalse();
        assertThat(user.staff()).isFalse();
        assertThat(user.passwordHash().value()).startsWith("argon2$argon2id$");
        assertThat(user.dateJoined()).isEqualTo(core.clock.instant());
    }

    @Test
    void reportsEveryBrokenRuleAtOnceByField() {
        assertThatThrownBy(() -> core.postbox.register().register(new RegisterUser("no spaces", "not-an-email", "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("username", "username.invalid"),
                                org.assertj.core.groups.Tuple.tuple("email", "email.invalid"),
                                org.assertj.core.groups.Tuple.tuple("password", "password.too_short")));
    }

    @Test
    void refusesTheUsernameAsPasswordAndCommonPasswords() {
        assertThatThrownBy(() -> core.postbox.register().register(new RegisterUser("longusername12", "a@example.com", "LongUsername12")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("password.is_username"));
        assertThatThrownBy(() -> core.postbox.register().register(new RegisterUser("bob", "b@example.com", "password1234")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("password.too_common"));
    }

    @Test
    void aTakenUsernameInAnyCaseIsAConflictAndChangesNothing() {
        User first = core.register("Carol");
        assertThatThrownBy(() -> core.postbox.register().register(new RegisterUser("cAROL", "other@example.com", TestCore.PASSWORD)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("username.taken"));
        assertThat(core.users.findByUsername(new Username("carol"))).contains(first);
    }
}
