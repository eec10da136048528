package dev.postbox.ports.service;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Token to current user: unknown, expired and deactivated sessions resolve to nobody; sliding expiry. */
class ResolveSessionServiceTest {
    private final TestCore core = new TestCore();

    @Test
    void unknownTokensResolveToNobody() {
        assertThat(core.resolve(SessionToken.random())).isEmpty();
    }

    @Test
    void lastSeenIsWrittenAtMostOncePerTouchInterval() {
        core.register("hank");
        LoggedIn in = core.logIn("hank", TestCore.PASSWORD);
        Session stored = core.sessions.find(in.token().hash()).orElseThrow();

        core.clock.advance(Duration.ofMinutes(4));
        assertThat(core.resolve(in.token())).isPresent();
        assertThat(core.sessions.find(in.token().hash())).contains(stored);

        core.clock.advance(Duration.ofMinutes(2));
        assertThat(core.resolve(in.token())).isPresent();
        Session touched = core.sessions.find(in.token().hash()).orElseThrow();
        assertThat(touched.lastSeen()).isEqualTo(core.clock.instant());
        assertThat(touched.expires()).isEqualTo(core.clock.instant().plus(TestCore.POLICY.maxIdle()));
    }

    @Test
    void anIdleSessionExpiresAndIsDeleted() {
        core.register("ivan");
        LoggedIn in = core.logIn("ivan", TestCore.PASSWORD);
        core.clock.advance(TestCore.POLICY.maxIdle());
        assertThat(core.resolve(in.token())).isEmpty();
        assertThat(core.sessions.find(in.token().hash())).isEmpty();
    }

    @Test
    void aDeactivatedUsersSessionNoLongerResolves() {
        User jane = core.register("jane");
        LoggedIn in = core.logIn("jane", TestCore.PASSWORD);
        core.users.setActive(jane.id(), false);
        assertThat(core.resolve(in.token())).isEmpty();
    }
}
