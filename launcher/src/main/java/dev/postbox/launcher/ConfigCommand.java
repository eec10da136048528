package dev.postbox.launcher;

import dev.postbox.launcher.config.Env;
import dev.postbox.launcher.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Prints every setting serve would use, in a stable order: the variable, the",
                "value in effect, and where it came from (default, environment, or the file",
                "named by NAME_FILE). Passwords are masked, database URLs shown without",
                "credentials. It reads the settings as serve does and connects to nothing;",
                "a bad value stops it as it stops serve: one line naming the variable, exit 2.",
                "Not shown: what bin/postbox reads before Java starts (the runtime and its",
                "options), and the settings of run's local Cassandra node."})
final class ConfigCommand implements Callable<Integer> {
    private static final int MAX_VALUE_COLUMN = 48;

    @Option(names = "--check", description = "Only validate: exit 0 with one line when every setting is valid, else 2.")
    boolean check;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Env env = main.context().vars();
        // the very reading serve does: a value serve would refuse is refused here in the same words
        Settings.from(env, Settings.Storage.EXTERNAL);
        List<Env.Setting> settings = env.settings();
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            long fromEnvironment = settings.stream().filter(s -> s.source() == Env.Setting.Source.ENVIRONMENT).count();
            long fromFiles = settings.stream().filter(s -> s.source() == Env.Setting.Source.FILE).count();
            out.println("Configuration is valid: " + settings.size() + " settings, " + fromEnvironment + " from the environment, "
                    + fromFiles + " from files.");
            return 0;
        }
        int nameWidth = Math.max("VARIABLE".length(), settings.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        int valueWidth = Math.min(MAX_VALUE_COLUMN, Math.max("VALUE".length(), settings.stream().mapToInt(s -> s.shown().length()).max().orElse(0)));
        String row = "%-" + nameWidth + "s  %-" + valueWidth + "s  %s%n";
        out.printf(row, "VARIABLE", "VALUE", "SOURCE");
        for (Env.Setting setting : settings) {
            out.printf(row, setting.name(), setting.shown(), setting.origin());
        }
        return 0;
    }
}
