package dev.postbox.ports.service;

import dev.postbox.domain.User;
import dev.postbox.ports.in.RegisterUserUseCase;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;

/** Sign up: an active, ordinary user, by the sign-up rules. */
final class RegisterUserService implements RegisterUserUseCase {
    private final UserRepository users;
    private final NewUsers newUsers;
    private final UnitOfWork unitOfWork;

    RegisterUserService(UserRepository users, NewUsers newUsers, UnitOfWork unitOfWork) {
        this.users = users;
        this.newUsers = newUsers;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public User register(RegisterUser command) {
        return unitOfWork.run(() -> users.insert(
                newUsers.from(command.username(), command.email(), command.password(), false)));
    }
}
