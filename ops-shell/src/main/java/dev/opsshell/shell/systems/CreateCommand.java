package dev.opsshell.shell.systems;

import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.system.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ops systems create --driver kvm --size medium --type redis --count 3}: records the new
 * systems (hostnames from the type: redis-1, redis-2, …) and creates them, waiting for the jobs.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Make new systems. On the default test hypervisor they live only as long as this command.")
final class CreateCommand implements Callable<Integer> {
    @ParentCommand
    SystemsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--driver", paramLabel = "KIND", defaultValue = "kvm", description = "The driver: kvm (default) or physical.")
    String driver;

    @Option(names = "--uri", paramLabel = "URI", description = "kvm: the libvirt URI (default $OPS_KVM_URI, else test:///default).")
    String uri;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "small", description = "tiny, small (default), medium, large or xlarge.")
    String size;

    @Option(names = "--type", paramLabel = "TYPE", description = "What the systems are for; names them TYPE-1, TYPE-2, …")
    String type;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many (default 1).")
    int count;

    @Option(names = "--os", paramLabel = "OS", description = "debian-12, ubuntu-24.04, …")
    String os;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--volume", paramLabel = "NAME=GB", description = "An extra disk (repeatable): data=20.")
    Map<String, Integer> volumes = new LinkedHashMap<>();

    @Option(names = "--setting", paramLabel = "KEY=VALUE", description = "A driver setting (repeatable), e.g. kvm image=/var/lib/libvirt/images/debian.qcow2.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() {
        boolean json = parent.options().json();
        return CliFleet.run(parent.options(), spec, (fleet, out) -> {
            if (count < 1) throw new UsageError("--count: at least 1, got " + count);
            List<Object> presets = new ArrayList<>();
            presets.add(Presets.driver(driver, uri, settings));
            presets.add(Presets.size(size));
            if (type != null) presets.add(fleet.store().type(type).orElseGet(() -> Type.named(type)));
            if (os != null) presets.add(Presets.os(os));
            volumes.forEach((name, gb) -> presets.add(new Volume(name, gb)));
            presets.addAll(tags);
            JobResults r = fleet.create(Template.of(presets.toArray()), count);
            CliFleet.print(out, json, r, SystemsJson.results(r));
            return r.exitCode();
        });
    }
}
