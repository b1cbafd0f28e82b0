package dev.opsshell.shell.systems;

import dev.opsshell.core.fleet.JobResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code ops systems sync [--driver kvm] [--uri U]}: imports the machines a driver connection has
 * that the store does not, and marks records whose machine is gone {@code missing}. Without
 * options, every connection the store's systems use and the default kvm one, as {@code sync()}.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Import machines the driver has that the store does not; mark records whose machine is gone missing.")
final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    SystemsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--driver", paramLabel = "KIND", description = "Only this driver's connection (kvm, with --uri or its default).")
    String driver;

    @Option(names = "--uri", paramLabel = "URI", description = "kvm: the libvirt URI (default $OPS_KVM_URI, else test:///default).")
    String uri;

    @Override
    public Integer call() {
        boolean json = parent.options().json();
        return CliFleet.run(parent.options(), spec, (fleet, out) -> {
            JobResults r = driver == null && uri == null
                    ? fleet.syncAll(Presets.driver("kvm", null, java.util.Map.of()))
                    : fleet.sync(Presets.driver(driver == null ? "kvm" : driver, uri, java.util.Map.of()));
            if (json) {
                var doc = SystemsJson.results(r);
                doc.put("systems", SystemsJson.machines(fleet.store().machines()));
                CliFleet.print(out, true, null, doc);
            } else {
                out.println(r);
                out.println(fleet.systems());
            }
            return r.exitCode();
        });
    }
}
