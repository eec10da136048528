package dev.postbox.ports.in;

import dev.postbox.domain.SessionToken;
import dev.postbox.ports.in.ChangePasswordUseCase.ChangePassword;
import dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command records that carry passwords. */
class CommandsTest {
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void commandsNeverShowPasswordsWhenPrinted() {
        assertThat(new RegisterUser("u", "e@example.com", PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(new LogIn("u", PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(new LogIn("u", PASSWORD, "203.0.113.9").toString()).doesNotContain(PASSWORD).contains("203.0.113.9");
        assertThat(new ChangePassword(SessionToken.random(), PASSWORD, PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(new CreateSuperuser("u", "e@example.com", PASSWORD).toString()).doesNotContain(PASSWORD);
    }
}
