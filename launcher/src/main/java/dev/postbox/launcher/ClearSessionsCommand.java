package dev.postbox.launcher;

import dev.postbox.launcher.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "clearsessions", mixinStandardHelpOptions = true,
        description = "Deletes expired sessions in batches of 1000 (run it from cron, like Django's clearsessions).")
final class ClearSessionsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = Settings.from(main.context().vars(), Settings.Storage.EXTERNAL);
        try (Stack stack = Stacks.open(settings, Progress.to(spec.commandLine().getErr()))) {
            int deleted = stack.clearSessions(Instant.now());
            spec.commandLine().getOut().println("Deleted " + deleted + " expired session" + (deleted == 1 ? "" : "s") + ".");
        }
        return 0;
    }
}
