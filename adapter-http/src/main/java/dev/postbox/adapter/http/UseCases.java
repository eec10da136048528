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

    /** For an object that implements every use case (such as a facade). */
    public static <T extends LogInUseCase & LogOutUseCase & ResolveSessionUseCase & RegisterUserUseCase
            & ChangePasswordUseCase & CreatePostUseCase & ListPostsUseCase & DeletePostUseCase
            & ManageUsersUseCase> UseCases of(T all) {
        return new UseCases(all, all, all, all, all, all, all, all, all);
    }
}
