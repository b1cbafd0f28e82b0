package dev.opsshell.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The systems command line on a temporary SQLite store and libvirt's test hypervisor. The
 * commands run in this JVM, as {@code ops} runs them (its picocli command line): the test
 * hypervisor's machines live as long as the process, and this test's own libvirt connection keeps
 * them alive between commands and lets it see what the commands did. The last test runs the real
 * {@code scripts/ops} twice to show what a second process finds.
 */
class SystemsCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Connect libvirt;

    @TempDir
    Path dir;

    /** What one command line gave back. */
    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void hypervisor() throws LibvirtException {
        libvirt = new Connect("test:///default");
    }

    @AfterAll
    static void close() throws LibvirtException {
        libvirt.close();
    }

    private Run ops(String... args) {
        List<String> line = new ArrayList<>(List.of("--store", dir.resolve("ops.db").toString()));
        line.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = OpsCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(line.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static int domainState(String name) throws LibvirtException {
        DomainInfo info = libvirt.domainLookupByName(name).getInfo();
        return info.state.ordinal();
    }

    private static boolean domainExists(String name) throws LibvirtException {
        return List.of(libvirt.listDefinedDomains()).contains(name)
                || java.util.Arrays.stream(libvirt.listDomains()).mapToObj(id -> {
                    try {
                        return libvirt.domainLookupByID(id).getName();
                    } catch (LibvirtException e) {
                        throw new AssertionError(e);
                    }
                }).anyMatch(name::equals);
    }

    /** The shortest start of {@code id} that the other id does not share. */
    private static String prefix(String id, String other) {
        int n = 1;
        while (other.startsWith(id.substring(0, n))) n++;
        return id.substring(0, n);
    }

    @Test
    void createListStopStartByPrefixRefuseUnknownAndAmbiguousIdsAndUnforcedDestroyThenStatsAndAPlanThatChangesNothing()
            throws Exception {
        Run created = ops("systems", "create", "--type", "web", "--count", "2", "--size", "tiny", "--json");
        assertEquals(0, created.code(), created.toString());
        assertEquals(2, created.json().get("ok").asInt(), created.toString());

        Run listed = ops("systems", "list", "--json");
        assertEquals(0, listed.code(), listed.toString());
        JsonNode systems = listed.json();
        assertEquals(2, systems.size(), listed.toString());
        List<String> ids = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (JsonNode s : systems) {
            assertEquals("web", s.get("type").asText());
            assertEquals("running", s.get("state").asText());
            assertTrue(s.get("hostname").asText().matches("web-[12]"), s.toString());
            ids.add(s.get("id").asText());
            refs.add(s.get("ref").asText());
        }
        for (String ref : refs) assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING.ordinal(), domainState(ref), ref);

        String first = prefix(ids.get(0), ids.get(1));
        Run stopped = ops("systems", "stop", first, "--grace", "5s");
        assertEquals(0, stopped.code(), stopped.toString());
        assertTrue(stopped.out().contains("✔ stop") && stopped.out().contains(ids.get(0)), stopped.toString());
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_SHUTOFF.ordinal(), domainState(refs.get(0)));
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING.ordinal(), domainState(refs.get(1)), "the other one runs on");
        assertEquals("stopped", state(ops("systems", "list", "--json").json(), ids.get(0)));

        Run started = ops("systems", "start", first);
        assertEquals(0, started.code(), started.toString());
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING.ordinal(), domainState(refs.get(0)));

        Run unknown = ops("systems", "stop", "zzzzz");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("no system with an id starting 'zzzzz'"), unknown.toString());

        // a record whose id shares the first one's first characters makes that prefix ambiguous
        String shared = ids.get(0).substring(0, 3);
        try (Store store = JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db")))) {
            store.insert(new Machine(shared + "zzzzzzz", "spare-1", null, null, null, 1, 512, List.of(), null, "spare",
                    Set.of(), MachineState.STOPPED, DriverSection.of("kvm", Map.of("uri", "test:///default")), null, null,
                    Instant.now()));
        }
        Run ambiguous = ops("systems", "stop", shared);
        assertEquals(2, ambiguous.code(), ambiguous.toString());
        assertTrue(ambiguous.err().contains("'" + shared + "' matches 2 systems") && ambiguous.err().contains("type more of the id"),
                ambiguous.toString());

        Run unforced = ops("systems", "destroy", "--type", "web");
        assertEquals(2, unforced.code(), unforced.toString());
        assertTrue(unforced.err().contains("--force"), unforced.toString());
        for (String ref : refs) assertTrue(domainExists(ref), "not destroyed: " + ref);

        Run stats = ops("stats", "--json");
        assertEquals(0, stats.code(), stats.toString());
        JsonNode create = null;
        for (JsonNode row : stats.json()) if (row.get("kind").asText().equals("create")) create = row;
        assertTrue(create != null, stats.toString());
        assertEquals("kvm", create.get("driver").asText());
        assertEquals(2, create.get("count").asInt());
        assertEquals(2, create.get("succeeded").asInt());

        int jobsBefore = ops("jobs", "--json", "--limit", "100").json().size();
        Run plan = ops("converge", "web=3", "--plan");
        assertEquals(0, plan.code(), plan.toString());
        assertTrue(plan.out().contains("+ create 1 × web"), plan.toString());
        assertEquals(3, ops("systems", "list", "--json").json().size(), "the plan changed nothing");
        assertEquals(jobsBefore, ops("jobs", "--json", "--limit", "100").json().size(), "the plan ran no job");

        Run destroyed = ops("systems", "destroy", "--type", "web", "--force", "--json");
        assertEquals(0, destroyed.code(), destroyed.toString());
        for (String ref : refs) assertFalse(domainExists(ref), "destroyed: " + ref);
        assertEquals(1, ops("systems", "list", "--json").json().size(), "only the spare record is left");
    }

    private static String state(JsonNode systems, String id) {
        for (JsonNode s : systems) if (s.get("id").asText().equals(id)) return s.get("state").asText();
        throw new AssertionError("no system " + id + " in " + systems);
    }

    @Test
    void aLaterProcessFindsTheTestHypervisorsMachinesGoneAndSyncSaysSo() throws Exception {
        String store = dir.resolve("ops.db").toString();
        OpsProcess.Run created = OpsProcess.run(dir, null, "systems", "create", "--store", store, "--type", "db");
        assertEquals(0, created.code(), created.toString());
        assertTrue(created.out().contains("✔ create"), created.toString());

        OpsProcess.Run synced = OpsProcess.run(dir, null, "--store", store, "systems", "sync", "--json");
        assertEquals(0, synced.code(), synced.toString());
        JsonNode db = null;
        for (JsonNode s : JSON.readTree(synced.out()).get("systems")) if ("db".equals(s.get("type").asText())) db = s;
        assertTrue(db != null, synced.toString());
        assertEquals("missing", db.get("state").asText(), "the machine ended with the process that made it: " + synced);
    }
}
