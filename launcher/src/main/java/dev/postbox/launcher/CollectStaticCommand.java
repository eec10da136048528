package dev.postbox.launcher;

import dev.postbox.adapter.http.StaticAssets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "collectstatic", mixinStandardHelpOptions = true,
        description = {"Writes every static asset into a folder for nginx, as Django's collectstatic did:",
                "each file under its plain name and under a content-hashed name (postbox.<hash>.css),",
                "plus staticfiles.json mapping one to the other. Pages link the hashed names, so nginx",
                "may cache them for a year."})
final class CollectStaticCommand implements Callable<Integer> {
    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Target folder (created when missing).")
    Path target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Map<String, String> written = StaticAssets.collectTo(target);
            written.forEach((name, hashed) -> spec.commandLine().getOut().println("  " + name + " -> " + hashed));
            spec.commandLine().getOut().println(written.size() + " static files collected into " + target.toAbsolutePath()
                    + " (manifest: staticfiles.json)");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + target, e);
        }
    }
}
