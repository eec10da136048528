package dev.postbox.ports.service;

import dev.postbox.domain.User;
import dev.postbox.ports.in.ChangePasswordUseCase.ChangePassword;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.memory.RandomIds;
import dev.postbox.ports.out.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound the session cache promises, with two instances over the same stores: a logout,
 * password change or deactivation applies at once on the instance that made it, and on the
 * other one within the cache's time to live.
 */
class SessionCacheTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration TTL = Duration.ofSeconds(1);
    private final TestCore core = new TestCore();
    private final Postbox here = instance(TTL);
    private final Postbox there = instance(TTL);

    private Postbox instance(Duration ttl) {
        return new Postbox(new Postbox.Storage(core.users, core.sessions, core.posts, UnitOfWork.NONE, core.loginAttempts),
                core.hasher, new RandomIds(core.clock), core.clock, TestCore.POLICY, LoginThrottle.DEFAULT, ttl);
    }

    private LoggedIn signedUp(String name) {
        here.register().register(new RegisterUser(name, name + "@example.com", PASSWORD));
        LoggedIn in = here.logIn().logIn(new LogIn(name, PASSWORD));
        assertThat(there.resolveSession().resolve(in.token())).isPresent();  // now in both caches
        assertThat(here.resolveSession().resolve(in.token())).isPresent();
        return in;
    }

    @Test
    void aLogoutAppliesAtOnceWhereItWasMadeAndWithinTheTimeToLiveElsewhere() {
        LoggedIn in = signedUp("alice");

        here.logOut().logOut(in.token());

        assertThat(here.resolveSession().resolve(in.token())).isEmpty();
        assertThat(there.resolveSession().resolve(in.token())).isPresent();
        core.clock.advance(TTL.minusMillis(1));
        assertThat(there.resolveSession().resolve(in.token())).isPresent();
        core.clock.advance(Duration.ofMillis(1));
        assertThat(there.resolveSession().resolve(in.token())).isEmpty();
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsWithinTheTimeToLive() {
        LoggedIn laptop = signedUp("bob");
        LoggedIn phone = here.logIn().logIn(new LogIn("bob", PASSWORD));
        assertThat(there.resolveSession().resolve(phone.token())).isPresent();
        assertThat(here.resolveSession().resolve(phone.token())).isPresent();

        LoggedIn fresh = there.changePassword().changePassword(new ChangePassword(laptop.token(), PASSWORD, "a much better passphrase"));

        assertThat(there.resolveSession().resolve(phone.token())).isEmpty();
        assertThat(there.resolveSession().resolve(laptop.token())).isEmpty();
        assertThat(here.resolveSession().resolve(phone.token())).isPresent();
        core.clock.advance(TTL);
        assertThat(here.resolveSession().resolve(phone.token())).isEmpty();
        assertThat(here.resolveSession().resolve(laptop.token())).isEmpty();
        assertThat(here.resolveSession().resolve(fresh.token())).isPresent();
    }

    @Test
    void aDeactivationAppliesWithinTheTimeToLive() {
        User root = here.createSuperuser().createSuperuser(new dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser(
                "root", "root@example.com", PASSWORD));
        LoggedIn in = signedUp("carol");

        here.manageUsers().setActive(root, in.user().id(), false);

        assertThat(here.resolveSession().resolve(in.token())).isEmpty();
        assertThat(there.resolveSession().resolve(in.token())).isPresent();
        core.clock.advance(TTL);
        assertThat(there.resolveSession().resolve(in.token())).isEmpty();
    }

    @Test
    void withoutACacheEveryInstanceSeesTheLogoutOnTheNextRequest() {
        Postbox uncached = instance(Duration.ZERO);
        LoggedIn in = signedUp("dave");
        assertThat(uncached.resolveSession().resolve(in.token())).isPresent();

        here.logOut().logOut(in.token());

        assertThat(uncached.resolveSession().resolve(in.token())).isEmpty();
    }

    @Test
    void aSessionThatExpiresWhileCachedEndsOnTime() {
        LoggedIn in = signedUp("erin");
        // the policy's idle limit passes without a touch being written (no request in between)
        core.clock.advance(TestCore.POLICY.maxIdle());
        assertThat(here.resolveSession().resolve(in.token())).isEmpty();
    }
}
