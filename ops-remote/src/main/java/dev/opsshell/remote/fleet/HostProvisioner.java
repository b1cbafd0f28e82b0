package dev.opsshell.remote.fleet;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.ProvisionStep;
import dev.opsshell.core.system.Type;
import dev.opsshell.remote.Quote;
import dev.opsshell.remote.Transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Runs a type's plan on a new machine over ops's own transports (SSH with host keys verified,
 * as everywhere): commands, scripts (uploaded, then run with sh), uploads, and {@code .jsh}
 * recipes, which the shell evaluates when it registered a recipe runner. The first failing step
 * ends provisioning with that step and the host's output in the error.
 */
public final class HostProvisioner implements dev.opsshell.core.job.Provisioner {
    private volatile BiConsumer<Path, Hosts> recipes;

    /** How {@code .jsh} recipes run: the shell evaluates them with the machine's hosts bound. */
    public void recipes(BiConsumer<Path, Hosts> runner) {
        recipes = runner;
    }

    @Override
    public void provision(Machine machine, Type type, JobContext job) {
        if (!machine.hasIp()) throw new DriverException("system " + machine.id() + " has no address to provision over");
        Hosts hosts = hostsOf(machine, type);
        List<ProvisionStep> plan = type.plan();
        for (int i = 0; i < plan.size(); i++) {
            job.checkCancelled();
            ProvisionStep step = plan.get(i);
            job.step("provisioning " + (i + 1) + "/" + plan.size() + ": " + step.describe());
            Results r;  // Java 17: no pattern switch yet
            if (step instanceof ProvisionStep.Command c) r = hosts.exec(c.line());
            else if (step instanceof ProvisionStep.Upload u) r = hosts.run(Transfer.upload(u.localPath(), u.remotePath()));
            else if (step instanceof ProvisionStep.Script s) r = script(hosts, s, job);
            else r = recipe(hosts, (ProvisionStep.Recipe) step);
            if (r != null && !r.allOk()) {
                throw new DriverException("provisioning step " + (i + 1) + " (" + step.describe() + ") failed: "
                        + r.prettyText(false).strip());
            }
        }
    }

    private static Results script(Hosts hosts, ProvisionStep.Script s, JobContext job) {
        Path local = Path.of(s.path());
        if (!Files.isRegularFile(local)) throw new DriverException("provisioning script " + local + " does not exist here");
        String remote = "/tmp/ops-provision-" + job.jobId() + ".sh";
        Results up = hosts.run(Transfer.upload(local.toString(), remote));
        if (!up.allOk()) return up;
        return hosts.exec("sh " + Quote.shell(remote) + "; rc=$?; rm -f " + Quote.shell(remote) + "; exit $rc");
    }

    private Results recipe(Hosts hosts, ProvisionStep.Recipe rec) {
        BiConsumer<Path, Hosts> runner = recipes;
        if (runner == null) throw new DriverException("recipe " + rec.path() + " needs the ops shell to evaluate it");
        runner.accept(Path.of(rec.path()), hosts);
        return null;
    }

    /** The machine as a host, logging in as the type's user with its key when the type names them. */
    static Hosts hostsOf(Machine m, Type type) {
        Map<String, String> vars = new HashMap<>();
        vars.put("ops_system_id", m.id());
        if (type.keyPath() != null) vars.put("ansible_ssh_private_key_file", type.keyPath());
        String user = type.user() != null ? type.user() : m.user();
        return Hosts.of(m.hostname(), List.of(new Host(m.hostname(), m.ip(), 0, user, vars, List.of("systems"))));
    }
}
