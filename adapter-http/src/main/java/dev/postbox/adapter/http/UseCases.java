package dev.postbox.adapter.http;

import dev.postbox.ports.in.ChangePasswordUseCase;
import dev.postbox.ports.in.CreatePostUseCase;
import dev.postbox.ports.in.DeletePostUseCase;
import dev.postbox.ports.in.ListPostsUseCase;
import dev.postbox.ports.in.LogInUseCase;
import dev.postbox.ports.in.LogOutUseCase;
import dev.postbox.ports.in.ManageUsersUseCase;
import dev.postbox.ports.in.RegisterUserUseCase;
import dev.postbox.ports.in.ResolveSessionUseCase;
import dev.postbox.ports.service.Postbox;

import java.util.Objects;

/** Every driving port the web app calls; the launcher passes the services in. */
public record UseCases(LogInUseCase logIn, LogOutUseCase logOut, ResolveSessionUseCase sessions,
                       RegisterUserUseCase register, ChangePasswordUseCase changePassword,
                       CreatePostUseCase createPost, ListPostsUseCase listPosts, DeletePostUseCase deletePost,
                       ManageUsersUseCase manageUsers) {
    public UseCases {
        Objects.requireNonNull(logIn, "logIn");
        Objects.requireNonNull(logOut, "logOut");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(changePassword, "changePassword");
        Objects.requireNonNull(createPost, "createPost");
        Objects.requireNonNull(listPosts, "listPosts");
        Objects.requireNonNull(deletePost, "deletePost");
        Objects.requireNonNull(manageUsers, "manageUsers");
    }

    /** The use cases of the application core, as the launcher and tests build it. */
    public static UseCases from(Postbox core) {
        return new UseCases(core.logIn(), core.logOut(), core.resolveSession(), core.register(), core.changePassword(),
                core.createPost(), core.listPosts(), core.deletePost(), core.manageUsers());
    }
}
