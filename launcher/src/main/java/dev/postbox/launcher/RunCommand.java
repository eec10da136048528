package dev.postbox.launcher;

import dev.postbox.domain.Username;
import dev.postbox.launcher.config.Env;
import dev.postbox.launcher.config.Settings;
import dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The one-command local run: starts a MariaDB and a Cassandra node as child processes",
                "(data under POSTBOX_DATA_DIR, default ./var), applies the migrations, creates an administrator",
                "on first start (its password is printed once), and serves http://127.0.0.1:8080 with the static files.",
                "Ctrl-C or SIGTERM stops the app and both stores. A second start keeps the users and posts.",
                "--storage memory starts in a second with everything in memory (lost on exit)."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--storage", paramLabel = "KIND", description = "embedded (default) or memory.")
    String storage;

    @Option(names = "--port", description = "TCP port (default 8080, or POSTBOX_HTTP_PORT; 0 picks a free one).")
    Integer port;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Context context = main.context();
        Map<String, String> env = new HashMap<>(context.env());
        env.putIfAbsent("POSTBOX_HTTP_PORT", "8080");
        if (port != null) {
            env.put("POSTBOX_HTTP_PORT", Integer.toString(port));
        }
        if (storage != null) {
            if (!storage.equalsIgnoreCase("embedded") && !storage.equalsIgnoreCase("memory")) {
                throw new UsageException("run: --storage must be embedded or memory, got \"" + storage + "\"");
            }
            env.put("POSTBOX_STORAGE", storage);
        }
        Settings settings = Settings.from(new Env(env), Settings.Storage.EMBEDDED);
        if (settings.storage() == Settings.Storage.EXTERNAL) {
            throw new UsageException("run: is for embedded or memory storage; use 'postbox serve' with external stores");
        }
        String adminName = settings.admin().username();
        String adminEmail = settings.admin().email();
        PrintWriter out = spec.commandLine().getOut();
        if (settings.storage() == Settings.Storage.MEMORY) {
            out.println("Postbox is using IN-MEMORY storage: every user and post is lost when it exits.");
            out.flush();
        }
        Progress progress = Progress.to(spec.commandLine().getErr());
        Running running = Running.start(settings, progress,
                stack -> prepare(stack, settings, adminName, adminEmail, out, progress), context.handleSignals());
        out.println();
        out.println("Postbox is running at " + running.web().where() + "  (" + running.stack().describe() + ")");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        context.onStarted().accept(running);
        return running.awaitShutdown();
    }

    private static void prepare(Stack stack, Settings settings, String adminName, String adminEmail, PrintWriter out,
                                Progress progress) {
        progress.step("applying migrations");
        progress.step("migrations done: " + stack.migrate());
        if (stack.storage().users().findByUsername(new Username(adminName)).isEmpty()) {
            String password = newPassword();
            Core.of(stack, settings).createSuperuser().createSuperuser(new CreateSuperuser(adminName, adminEmail, password));
            out.println();
            out.println("Created the administrator \"" + adminName + "\" with the password:  " + password);
            out.println("It is shown only this once; change it at /accounts/password_change/.");
            out.flush();
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
