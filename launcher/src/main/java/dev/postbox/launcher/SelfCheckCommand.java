package dev.postbox.launcher;

import dev.postbox.launcher.config.Env;
import dev.postbox.launcher.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = {"Checks this installation without touching any store: starts the web app on in-memory storage",
                "on a free loopback port, signs up, logs out and in, writes a post, reads it back on the list page and",
                "through the API, fetches a static file, and stops. Ignores the POSTBOX_* settings.",
                "Exit 0 when every step answered as expected, 1 naming the step that did not.",
                "The build runs it once to record the class-data archive (lib/postbox.jsa) that makes starts faster."})
final class SelfCheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path data = Files.createTempDirectory("postbox-selfcheck-");
        try {
            Settings settings = Settings.from(new Env(Map.of("POSTBOX_STORAGE", "memory",
                    "POSTBOX_HTTP_HOST", "127.0.0.1", "POSTBOX_HTTP_PORT", "0",
                    "POSTBOX_DATA_DIR", data.toString(), "POSTBOX_INSTANCE_NAME", "selfcheck")), Settings.Storage.MEMORY);
            try (Running running = Running.start(settings, Progress.to(spec.commandLine().getErr()), stack -> { }, false)) {
                new SelfCheck(URI.create(running.web().where()), out).run();
            } catch (SelfCheck.Failure e) {
                spec.commandLine().getErr().println("postbox selfcheck: FAILED at " + e.getMessage());
                return 1;
            }
            out.println("selfcheck: every step answered as expected");
            return 0;
        } finally {
            delete(data);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
