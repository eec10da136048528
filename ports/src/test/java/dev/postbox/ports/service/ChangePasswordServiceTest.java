package dev.postbox.ports.service;

import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.SessionToken;
import dev.postbox.ports.in.ChangePasswordUseCase.ChangePassword;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.ChangePasswordUseCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Change password: the old one is checked, the new one must pass the policy, every session ends. */
class ChangePasswordServiceTest {
    private final TestCore core = new TestCore();
    private final ChangePasswordUseCase change = core.postbox.changePassword();

    @Test
    void changingThePasswordEndsEverySessionAndStartsANewOne() {
        core.register("kate");
        LoggedIn laptop = core.logIn("kate", TestCore.PASSWORD);
        LoggedIn phone = core.logIn("kate", TestCore.PASSWORD);
        LoggedIn fresh = change.changePassword(new ChangePassword(laptop.token(), TestCore.PASSWORD, "a much better passphrase"));

        assertThat(core.resolve(laptop.token())).isEmpty();
        assertThat(core.resolve(phone.token())).isEmpty();
        assertThat(core.resolve(fresh.token())).isPresent();
        assertThatThrownBy(() -> core.logIn("kate", TestCore.PASSWORD)).isInstanceOf(NotAuthenticatedException.class);
        assertThat(core.logIn("kate", "a much better passphrase").user().username().value()).isEqualTo("kate");
    }

    @Test
    void changingThePasswordChecksTheOldOneAndTheNewOnesStrength() {
        core.register("liam");
        LoggedIn in = core.logIn("liam", TestCore.PASSWORD);
        assertThatThrownBy(() -> change.changePassword(new ChangePassword(in.token(), "wrong password!", "a much better passphrase")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).contains("old_password");
                    assertThat(e.code()).isEqualTo("password.wrong");
                });
        assertThatThrownBy(() -> change.changePassword(new ChangePassword(in.token(), TestCore.PASSWORD, "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).contains("new_password");
                    assertThat(e.code()).isEqualTo("password.too_short");
                });
        assertThat(core.resolve(in.token())).isPresent();
        assertThatThrownBy(() -> change.changePassword(new ChangePassword(SessionToken.random(), TestCore.PASSWORD, "a much better passphrase")))
                .isInstanceOf(NotAuthenticatedException.class);
    }
}
