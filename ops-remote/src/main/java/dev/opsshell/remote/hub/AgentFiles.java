package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.FileMode;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.remote.LocalFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * File copies through an agent, in 1 MiB chunks so no frame comes near the hub's size limit. As over
 * SSH and locally, a new file gets the source's permission bits and an existing one keeps its mode
 * and owner.
 */
final class AgentFiles {
    static final int CHUNK = 1024 * 1024;
    private static final Duration CHUNK_DEADLINE = Duration.ofSeconds(60);

    private AgentFiles() {
    }

    /**
     * Copies a file to the host's agent. The agent refuses a target in a directory others may write
     * to (such as /tmp) unless {@code intoSharedDirectory}; see {@link Message.WriteFile}.
     */
    static Result upload(Supplier<AgentLink> link, Host host, Path localFile, String remotePath,
                         boolean intoSharedDirectory) {
        Instant start = Instant.now();
        String transfer = UUID.randomUUID().toString(); // this copy's chunks, told apart from any other to the same path
        String agent = AgentTransport.agentName(host);
        AgentLink hub = link.get();
        if (!hub.connected(agent)) return AgentTransport.notConnected(host, agent, start);
        try (InputStream in = Files.newInputStream(localFile)) {
            long size = Files.size(localFile);
            String mode = FileMode.octal(Files.getPosixFilePermissions(localFile)); // for a new file only
            long offset = 0;
            do {
                byte[] chunk = in.readNBytes((int) Math.min(CHUNK, size - offset));
                long at = offset;
                boolean last = at + chunk.length >= size;
                Message.Reply r = AgentTransport.await(hub, hub.call(agent,
                        id -> new Message.WriteFile(id, remotePath, at, chunk, last, null, transfer,
                                intoSharedDirectory, mode), o -> { }, CHUNK_DEADLINE));
                if (!(r instanceof Message.FileWritten)) return AgentTransport.problem(host, agent, r, start);
                offset += chunk.length;
            } while (offset < size);
            return Result.exited(host, 0, "copied " + localFile + " to " + host.name() + ":" + remotePath + " ("
                    + size + " bytes)", "", false, start, AgentTransport.NAME);
        } catch (IOException e) {
            return Result.problem(host, Outcome.ERROR, "cannot read " + localFile + ": " + e.getMessage(), start,
                    AgentTransport.NAME);
        }
    }

    static Result download(Supplier<AgentLink> link, Host host, String remotePath, Path localFile) {
        Instant start = Instant.now();
        String agent = AgentTransport.agentName(host);
        AgentLink hub = link.get();
        if (!hub.connected(agent)) return AgentTransport.notConnected(host, agent, start);
        Path part;
        try {
            part = LocalFiles.downloadTo(localFile);
        } catch (IOException e) {
            return Result.problem(host, Outcome.ERROR, "cannot write " + localFile + ": " + e.getMessage(), start,
                    AgentTransport.NAME);
        }
        String mode = null;
        try (OutputStream out = Files.newOutputStream(part)) {
            long offset = 0;
            while (true) {
                long at = offset;
                Message.Reply r = AgentTransport.await(hub, hub.call(agent,
                        id -> new Message.ReadFile(id, remotePath, at, CHUNK), o -> { }, CHUNK_DEADLINE));
                if (!(r instanceof Message.FileData d)) {
                    Files.deleteIfExists(part);
                    return AgentTransport.problem(host, agent, r, start);
                }
                out.write(d.data());
                offset += d.data().length;
                mode = d.mode();
                if (d.eof() || d.data().length == 0) break;
            }
        } catch (IOException e) {
            deleteQuietly(part);
            return Result.problem(host, Outcome.ERROR, "cannot write " + localFile + ": " + e.getMessage(), start,
                    AgentTransport.NAME);
        }
        try {
            LocalFiles.install(part, localFile, mode != null ? FileMode.permissions(mode) : Files.getPosixFilePermissions(part));
            return Result.exited(host, 0, "copied " + host.name() + ":" + remotePath + " to " + localFile + " ("
                    + Files.size(localFile) + " bytes)", "", false, start, AgentTransport.NAME);
        } catch (IOException e) {
            return Result.problem(host, Outcome.ERROR, "cannot write " + localFile + ": " + e.getMessage(), start,
                    AgentTransport.NAME);
        }
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // a leftover temporary file with a dot name; the result already says the copy failed
        }
    }
}
