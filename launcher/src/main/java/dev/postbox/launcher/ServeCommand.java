package dev.postbox.launcher;

import dev.postbox.launcher.config.Env;
import dev.postbox.launcher.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the web app on the configured stores (POSTBOX_* variables; see the README).",
                "Listens on POSTBOX_HTTP_HOST:POSTBOX_HTTP_PORT (default 127.0.0.1:29000) or on POSTBOX_HTTP_UNIX_SOCKET.",
                "SIGTERM drains: no new connections, requests in flight finish (up to POSTBOX_HTTP_DRAIN_TIMEOUT), then exit 0."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = Settings.from(Env.system(), Settings.Storage.EXTERNAL);
        Running running = Running.start(settings, Progress.to(spec.commandLine().getErr()), Running.Preparation.NONE);
        spec.commandLine().getOut().println("Postbox is serving on " + running.web().where() + " ("
                + running.stack().describe() + ")");
        spec.commandLine().getOut().flush();
        return running.awaitShutdown();
    }
}
