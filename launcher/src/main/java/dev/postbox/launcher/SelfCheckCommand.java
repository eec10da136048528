package dev.postbox.launcher;

import dev.postbox.launcher.config.Env;
import dev.postbox.launcher.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = {"Checks this installation without touching any store: starts the web app on in-memory storage",
                "on a free loopback port, signs up, logs out and in, writes a post, reads it back on the list page and",
                "through the API, fetches a static file, and stops. Ignores the POSTBOX_* settings.",
                "Exit 0 when every step answered as expected, 1 naming the step that did not.",
                "The build runs it once to record the start-up archive (lib/postbox-<runtime>.jsa or .aot) that makes starts faster."})
final class SelfCheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // memory storage writes nothing to disk, so no data directory is needed
        Settings settings = Settings.from(new Env(Map.of("POSTBOX_STORAGE", "memory", "POSTBOX_HTTP_HOST", "127.0.0.1",
                "POSTBOX_HTTP_PORT", "0", "POSTBOX_INSTANCE_NAME", "selfcheck")), Settings.Storage.MEMORY);
        try (Running running = Running.start(settings, Progress.to(spec.commandLine().getErr()), stack -> { }, false)) {
            new SelfCheck(URI.create(running.web().where()), out).run();
        } catch (SelfCheck.Failure e) {
            spec.commandLine().getErr().println("postbox selfcheck: FAILED at " + e.getMessage());
            return 1;
        }
        out.println("selfcheck: every step answered as expected");
        return 0;
    }
}
