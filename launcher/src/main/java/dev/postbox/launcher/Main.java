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
                CollectStaticCommand.class, ClearSessionsCommand.class, SelfCheckCommand.class, ConfigCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure (details in the log)", "2:bad usage or configuration",
                "65:invalid input", "66:not found", "69:a store is unavailable", "73:conflict (e.g. username taken)",
                "75:throttled", "77:not allowed"})
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    public static final int EXIT_CONFIG = 2;

    private final Context context;

    private Main(Context context) {
        this.context = context;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line in this process's environment and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(Context.system()).execute(args);
    }

    /** Runs the command line with the given surroundings, writing to {@code out} and {@code err}. */
    static int execute(Context context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(context);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** For the subcommands (picocli's {@code @ParentCommand}). */
    Context context() {
        return context;
    }

    static CommandLine commandLine(Context context) {
        CommandLine cli = new CommandLine(new Main(context));
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
                LOG.warn("{} failed ({}): {}", cmd.getCommandName(), d.code(), causes(d.getCause()));
            }
            return d.kind().exitCode();
        }
        LOG.error("{} failed unexpectedly: {}", cmd.getCommandName(), causes(e));
        err.println("postbox: " + cmd.getCommandName() + " failed unexpectedly (" + e.getClass().getSimpleName()
                + "); the log above has the details.");
        return 1;
    }

    /** The chain of causes on one line: operators get what went wrong, never a stack trace. */
    static String causes(Throwable e) {
        StringBuilder line = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 6; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (depth > 0) {
                line.append(" <- ");
            }
            line.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                line.append(": ").append(t.getMessage().strip().replaceAll("\\s*\\R\\s*", " | "));
            }
        }
        return line.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"postbox " + (version == null ? "development build" : version)};
        }
    }
}
