package dev.opsshell.agent;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.JeromqPatch;
import dev.opsshell.agent.protocol.KeyFingerprint;
import dev.opsshell.agent.run.HostFacts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The agent's command line: {@code java -jar ops-agent.jar --hub tcp://HOST:PORT --hub-key KEY}.
 * Options may also come from a properties file ({@code --config FILE}, keys as the long option
 * names without dashes: {@code hub}, {@code hub-key}, {@code name}, {@code key-dir}, …); the command
 * line wins. Logs its public key and its fingerprint on start ({@code --print-key} prints both), so the
 * operator can compare them with {@code ops keys list} before {@code ops keys accept NAME --fingerprint FP}.
 */
@Command(name = "ops-agent", mixinStandardHelpOptions = true, version = "ops-agent " + Agent.VERSION,
        description = "Connects to an ops hub over CurveZMQ and runs the commands it is sent.")
public final class Main implements Callable<Integer> {

    @Option(names = "--hub", description = "the hub endpoint, tcp://HOST:PORT")
    String hub;

    @Option(names = "--hub-key", description = "the hub's public key (`ops keys hub` prints it)")
    String hubKey;

    @Option(names = "--name", description = "the name to register as (default: the host name)")
    String name;

    @Option(names = "--key-dir", description = "where the agent keeps its keypair (default: ~/.ops/agent)")
    Path keyDir;

    @Option(names = "--config", description = "a properties file with the same settings")
    Path config;

    @Option(names = "--heartbeat", description = "milliseconds between heartbeats (default: 2000)")
    Long heartbeat;

    @Option(names = "--max-requests", description = "requests run at once (default: 32)")
    Integer maxRequests;

    @Option(names = "--print-key", description = "print this agent's public key and, on a second line, its"
            + " fingerprint (creating the keypair), and exit")
    boolean printKey;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            return start();
        } catch (BadSetting e) {
            System.err.println("ops-agent: " + e.getMessage());
            return 2;
        }
    }

    private int start() {
        Properties p = readConfig();
        Path dir = keyDir != null ? keyDir
                : p.containsKey("key-dir") ? Path.of(p.getProperty("key-dir")) : AgentConfig.defaultKeyDir();
        CurveKeys keys = CurveKeys.loadOrCreate(dir, "agent");
        if (printKey) {
            System.out.println(keys.publicKey()); // first line: the key itself, for scripts
            System.out.println(KeyFingerprint.of(keys.publicKey())); // second: what `ops keys list` shows
            return 0;
        }
        String hubValue = pick(hub, p, "hub", null);
        String keyValue = pick(hubKey, p, "hub-key", null);
        if (hubValue == null || keyValue == null) {
            throw new BadSetting("--hub and --hub-key are required (or hub= and hub-key= in --config)");
        }
        AgentConfig cfg;
        try {
            cfg = new AgentConfig(hubValue, keyValue, pick(name, p, "name", HostFacts.hostname()), dir,
                    number(heartbeat, p, "heartbeat", 2000), (int) number(maxRequests, p, "max-requests", 32));
        } catch (IllegalArgumentException e) {
            throw new BadSetting(e.getMessage() + (name == null ? " (set it with --name)" : ""));
        }
        if (!JeromqPatch.active()) log("warning: " + JeromqPatch.WARNING);
        Agent agent = new Agent(cfg, keys, Main::log);
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "ops-agent-shutdown"));
        log("ops-agent " + Agent.VERSION + " '" + cfg.name() + "' key " + keys.publicKey() + " fingerprint "
                + KeyFingerprint.of(keys.publicKey()) + " connecting to " + cfg.hub());
        agent.run();
        return 0;
    }

    private Properties readConfig() {
        Properties p = new Properties();
        if (config == null) return p;
        try (InputStream in = Files.newInputStream(config)) {
            p.load(in);
            return p;
        } catch (IOException | IllegalArgumentException e) {
            throw new BadSetting("cannot read the config file " + config + " (" + e + "); check the path, or"
                    + " start without --config");
        }
    }

    /** The command-line value, else the config file's {@code key}, else {@code fallback}. */
    private static String pick(Object flag, Properties p, String key, String fallback) {
        return flag != null ? flag.toString() : p.getProperty(key, fallback);
    }

    /** A whole number from the command line or the config file, with an error that names the setting. */
    private long number(Number flag, Properties p, String key, long fallback) {
        String value = pick(flag, p, key, Long.toString(fallback)).strip();
        try {
            long n = Long.parseLong(value);
            if (n > 0 && n <= Integer.MAX_VALUE) return n;
        } catch (NumberFormatException e) {
            // falls through to the message below, which says what is accepted
        }
        throw new BadSetting(key + " must be a positive whole number, was '" + value + "'"
                + (flag == null && config != null ? " in " + config : "") + "; the default is " + fallback);
    }

    /** A setting the agent cannot start with; the message says which and how to fix it. */
    private static final class BadSetting extends RuntimeException {
        BadSetting(String message) {
            super(message);
        }
    }

    static void log(String line) {
        System.err.println(LocalDateTime.now().withNano(0) + " " + line);
    }
}
