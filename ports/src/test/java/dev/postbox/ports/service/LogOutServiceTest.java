package dev.postbox.ports.service;

import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Log out ends the session, and logging out twice is fine. */
class LogOutServiceTest {
    private final TestCore core = new TestCore();

    @Test
    void logOutEndsTheSession() {
        core.register("gina");
        LoggedIn in = core.logIn("gina", TestCore.PASSWORD);
        core.postbox.logOut().logOut(in.token());
        assertThat(core.resolve(in.token())).isEmpty();
        assertThat(core.sessions.find(in.token().hash())).isEmpty();
        core.postbox.logOut().logOut(in.token());
    }
}
