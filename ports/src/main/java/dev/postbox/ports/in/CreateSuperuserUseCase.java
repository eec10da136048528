package dev.postbox.ports.in;

import dev.postbox.domain.User;

/** The operator's createsuperuser: same rules as sign-up, but superuser and staff. */
public interface CreateSuperuserUseCase {
    record CreateSuperuser(String username, String email, String password) {
        @Override
        public String toString() {
            return "CreateSuperuser[" + username + "]";
        }
    }

    User createSuperuser(CreateSuperuser command);
}
