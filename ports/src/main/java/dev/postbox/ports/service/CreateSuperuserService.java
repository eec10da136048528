package dev.postbox.ports.service;

import dev.postbox.domain.User;
import dev.postbox.ports.in.CreateSuperuserUseCase;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;

/** The operator's createsuperuser: the sign-up rules, and the user is superuser and staff. */
final class CreateSuperuserService implements CreateSuperuserUseCase {
    private final UserRepository users;
    private final NewUsers newUsers;
    private final UnitOfWork unitOfWork;

    CreateSuperuserService(UserRepository users, NewUsers newUsers, UnitOfWork unitOfWork) {
        this.users = users;
        this.newUsers = newUsers;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public User createSuperuser(CreateSuperuser command) {
        return unitOfWork.run(() -> users.insert(
                newUsers.from(command.username(), command.email(), command.password(), true)));
    }
}
