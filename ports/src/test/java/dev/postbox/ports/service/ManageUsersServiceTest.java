package dev.postbox.ports.service;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.ForbiddenException;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.User;
import dev.postbox.domain.UserId;
import dev.postbox.domain.UserPage;
import dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.ManageUsersUseCase;
import dev.postbox.ports.in.ManageUsersUseCase.ListUsers;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManageUsersServiceTest {
    private static final String PASSWORD = "correct horse battery staple";
    private final TestCore core = new TestCore();
    private final ManageUsersUseCase admin = core.postbox.manageUsers();
    private final User root = core.postbox.createSuperuser().createSuperuser(new CreateSuperuser("root", "r@example.com", PASSWORD));

    private User register(String name) {
        return core.postbox.register().register(new RegisterUser(name, name + "@example.com", PASSWORD));
    }

    @Test
    void onlySuperusersManageUsers() {
        User plain = register("plain");
        assertThatThrownBy(() -> admin.listUsers(new ListUsers(plain, "", Optional.empty(), new PageRequest(10)))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.setActive(plain, root.id(), false)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.setStaff(plain, plain.id(), true)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void listsByPrefixInPages() {
        for (String name : List.of("ann", "Anna", "anne", "bert", "annika")) {
            register(name);
        }
        List<String> names = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            UserPage page = admin.listUsers(new ListUsers(root, " ANN ", after, new PageRequest(2)));
            page.users().forEach(u -> names.add(u.username().value()));
            after = page.after();
        } while (after.isPresent());
        assertThat(names).containsExactly("ann", "Anna", "anne", "annika");
    }

    @Test
    void deactivatingEndsTheUsersSessionsAndBlocksLogin() {
        User mia = register("mia");
        LoggedIn in = core.postbox.logIn().logIn(new LogIn("mia", PASSWORD));
        assertThat(admin.setActive(root, mia.id(), false).active()).isFalse();
        assertThat(core.resolve(in.token())).isEmpty();
        assertThat(core.sessions.find(in.token().hash())).isEmpty();
        assertThat(admin.setActive(root, mia.id(), true).active()).isTrue();
        assertThat(core.postbox.logIn().logIn(new LogIn("mia", PASSWORD)).user().id()).isEqualTo(mia.id());
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        assertThatThrownBy(() -> admin.setActive(root, root.id(), false)).isInstanceOf(ConflictException.class);
    }

    @Test
    void setsStaffAndReportsUnknownUsers() {
        User ned = register("ned");
        assertThat(admin.setStaff(root, ned.id(), true).staff()).isTrue();
        assertThat(core.users.findById(ned.id()).orElseThrow().staff()).isTrue();
        assertThatThrownBy(() -> admin.setStaff(root, new UserId(999_999), true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> admin.setActive(root, new UserId(999_999), true)).isInstanceOf(NotFoundException.class);
    }
}
