package dev.opsshell.remote.check;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.opsshell.remote.check.Checks.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit XML parses, has a testsuite per host, unique (classname, name) pairs and the observed value in failures. */
class JunitReportTest {

    @Test
    void aTestsuitePerHostUniqueCasesAndTheObservedValueInTheFailure() throws Exception {
        Session session = new Session(Settings.defaults(), Inventory.localOnly(), System.out);
        List<Host> list = List.of(Host.of("web1"), Host.of("web2"));
        Hosts hosts = Hosts.of("web", list);
        List<Check> checks = List.of(file("/etc/app <&>").mode("0644"), file("/etc/app <&>").contains("a"),
                file("/etc/app <&>").contains("b"), service("ssh").running().skipped());
        List<Result> runs = new ArrayList<>();
        List<CheckResult> results = new ArrayList<>();
        for (Host h : list) {
            runs.add(Result.exited(h, 0, "", "", false, Instant.now(), "ssh"));
            results.add(new CheckResult(h, checks.get(0), Verdict.FAIL, "\"0644\"", "\"0600\"", ""));
            results.add(new CheckResult(h, checks.get(1), Verdict.PASS, "patterns [\"a\"]", "", ""));
            results.add(new CheckResult(h, checks.get(2), Verdict.ERROR, "patterns [\"b\"]", "", "the probe's output was cut short"));
            results.add(new CheckResult(h, checks.get(3), Verdict.SKIP, "true", "", ""));
        }
        CheckReport report = new CheckReport(hosts, new Results("check", hosts, runs, Duration.ZERO), results);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitReport.xml(report).getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            assertEquals(list.get(i).name(), suite.getAttribute("name"));
            assertEquals("4", suite.getAttribute("tests"));
            assertEquals("1", suite.getAttribute("failures"));
            assertEquals("1", suite.getAttribute("errors"));
            assertEquals("1", suite.getAttribute("skipped"));
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int j = 0; j < cases.getLength(); j++) {
                Element c = (Element) cases.item(j);
                assertTrue(pairs.add(c.getAttribute("classname") + "|" + c.getAttribute("name")), "duplicate case " + c.getAttribute("name"));
            }
            Element failure = (Element) suite.getElementsByTagName("failure").item(0);
            assertEquals("expected \"0644\", observed \"0600\"", failure.getAttribute("message"));
            assertEquals(list.get(i).name() + ".File", ((Element) failure.getParentNode()).getAttribute("classname"));
            assertEquals("/etc/app <&>: mode", ((Element) failure.getParentNode()).getAttribute("name"));
        }
        assertEquals(8, pairs.size());
        session.close();
    }
}
