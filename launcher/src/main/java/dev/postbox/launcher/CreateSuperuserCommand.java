package dev.postbox.launcher;

import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.User;
import dev.postbox.launcher.config.Settings;
import dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "createsuperuser", mixinStandardHelpOptions = true,
        description = {"Creates an administrator (superuser and staff) in the configured store.",
                "The password is asked twice on the terminal, or read from standard input with --password-stdin."})
final class CreateSuperuserCommand implements Callable<Integer> {
    @Option(names = "--username", required = true, description = "Login name (letters, digits and @ . + - _).")
    String username;

    @Option(names = "--email", required = true, description = "E-mail address.")
    String email;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Context context = main.context();
        // configuration first: a bad variable is reported before anyone types a password
        Settings settings = Settings.from(context.vars(), Settings.Storage.EXTERNAL);
        String password = passwordStdin ? readStdin(context) : readTerminal(context);
        try (Stack stack = Stacks.open(settings, Progress.quiet())) {
            User user = Core.of(stack, settings).createSuperuser()
                    .createSuperuser(new CreateSuperuser(username, email, password));
            spec.commandLine().getOut().println("Superuser \"" + user.username() + "\" created.");
        }
        return 0;
    }

    private static String readStdin(Context context) {
        try {
            String line = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException("createsuperuser: --password-stdin was given but standard input had no password");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readTerminal(Context context) {
        Console console = context.terminal() ? System.console() : null;
        if (console == null) {
            throw new UsageException("createsuperuser: no terminal to ask for the password; pipe it in with --password-stdin");
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Password (again): ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new InvalidInputException("password", "password.mismatch", "The two passwords do not match.");
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
