package dev.postbox.launcher;

import dev.postbox.launcher.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Applies the MySQL (Flyway) and Cassandra (CQL) schema migrations.",
                "Safe to run twice and from several hosts at once: later runs wait for the lock or find nothing to do."})
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = Settings.from(main.context().vars(), Settings.Storage.EXTERNAL);
        try (Stack stack = Stacks.open(settings, Progress.to(spec.commandLine().getErr()))) {
            String report = stack.migrate();
            spec.commandLine().getOut().println("Migrations done: " + report + ".");
        }
        return 0;
    }
}
