package dev.postbox.launcher;

import dev.postbox.domain.DomainException;
import dev.postbox.launcher.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code postbox} command. Exit codes: 0 success; 1 unexpected failure; 2 bad usage or
 * configuration; 65 invalid input; 66 not found; 69 a store unavailable; 73 conflict (for
 * example the username is taken); 75 throttled; 77 not allowed.
 */
@Command(name = "postbox", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Postbox: people log in and write posts.",
        subcommands = {ServeCommand.class, RunCommand.class, MigrateCommand.class, CreateSuperuserCommand.class,
                CollectStaticCommand.class, ClearSessionsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure (details in the log)", "2:bad usage or configuration",
                "65:invalid input", "66:not found", "69:a store is unavailable", "73:conflict (e.g. username taken)",
                "75:throttled", "77:not allowed"})
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    public static final int EXIT_CONFIG = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((ex, argv) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("postbox: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_CONFIG;
        });
        return cli;
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ConfigException) {
            err.println("postbox: configuration error: " + e.getMessage());
            return EXIT_CONFIG;
        }
        if (e instanceof UsageException) {
            err.println("postbox: " + e.getMessage());
            return EXIT_CONFIG;
        }
        if (e instanceof DomainException d) {
            err.println("postbox: " + d.getMessage());
            if (d.getCause() != null) {
                LOG.warn("{} failed: {}", cmd.getCommandName(), d.code(), d.getCause());
            }
            return d.kind().exitCode();
        }
        LOG.error("{} failed unexpectedly", cmd.getCommandName(), e);
        err.println("postbox: " + cmd.getCommandName() + " failed unexpectedly (" + e.getClass().getSimpleName()
                + "); the log above has the details.");
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"postbox " + (version == null ? "development build" : version)};
        }
    }
}
