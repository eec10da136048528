package dev.postbox.ports.service;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.User;
import dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser;
import dev.postbox.ports.in.CreateSuperuserUseCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's createsuperuser: sign-up's rules, with superuser and staff set. */
class CreateSuperuserServiceTest {
    private final TestCore core = new TestCore();
    private final CreateSuperuserUseCase superusers = core.postbox.createSuperuser();

    @Test
    void createsSuperusersWithTheSameRules() {
        User admin = superusers.createSuperuser(new CreateSuperuser("admin", "admin@example.com", TestCore.PASSWORD));
        assertThat(admin.superuser()).isTrue();
        assertThat(admin.staff()).isTrue();
        assertThatThrownBy(() -> superusers.createSuperuser(new CreateSuperuser("root", "root@example.com", "rootroot")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> superusers.createSuperuser(new CreateSuperuser("ADMIN", "x@example.com", TestCore.PASSWORD)))
                .isInstanceOf(ConflictException.class);
    }
}
