package dev.opsshell.remote.ssh;

import dev.opsshell.agent.protocol.FileMode;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.remote.LocalFiles;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.xfer.FileSystemFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Copies one file to or from a host over SFTP on a pooled connection: a new file gets the source's
 * permission bits, an existing one keeps its mode and owner ({@link LocalFiles}). The result's stdout says
 * what was copied where and how many bytes; a missing directory or a permission problem is an
 * {@code ERROR} result naming the host and path.
 */
final class SftpTransfer {
    private SftpTransfer() {
    }

    static Result upload(SSHClient client, Host host, Path local, String remote, Instant start) throws IOException {
        if (!Files.isRegularFile(local)) {
            return Result.problem(host, Outcome.ERROR, "cannot upload " + local + ": no such local file", start, RemoteExec.NAME);
        }
        long bytes = Files.size(local);
        try (SFTPClient sftp = client.newSFTPClient()) {
            // sshj would set a mode guessed from java.io.File's three owner flags: set the real one, on a new file only
            sftp.getFileTransfer().setPreserveAttributes(false);
            boolean existed = sftp.statExistence(remote) != null;
            sftp.put(new FileSystemFile(local.toFile()), remote); // an existing file is truncated: mode and owner stay
            if (!existed) sftp.chmod(remote, Integer.parseInt(FileMode.octal(Files.getPosixFilePermissions(local)), 8));
        } catch (SFTPException e) {
            return failed(host, "upload " + local + " to " + host.name() + ":" + remote, e, start);
        }
        return Result.exited(host, 0, "uploaded " + local + " to " + host.name() + ":" + remote + " (" + bytes
                + " bytes)", "", false, start, RemoteExec.NAME);
    }

    static Result download(SSHClient client, Host host, String remote, Path local, Instant start) throws IOException {
        Path part = LocalFiles.downloadTo(local);
        try (SFTPClient sftp = client.newSFTPClient()) {
            sftp.getFileTransfer().setPreserveAttributes(false);
            int mode = sftp.stat(remote).getMode().getPermissionsMask() & 0777;
            sftp.get(remote, new FileSystemFile(part.toFile()));
            LocalFiles.install(part, local, FileMode.permissions(String.format("%03o", mode)));
        } catch (SFTPException e) {
            return failed(host, "download " + host.name() + ":" + remote + " to " + local, e, start);
        } finally {
            Files.deleteIfExists(part);
        }
        return Result.exited(host, 0, "downloaded " + host.name() + ":" + remote + " to " + local + " ("
                + Files.size(local) + " bytes)", "", false, start, RemoteExec.NAME);
    }

    private static Result failed(Host host, String what, SFTPException e, Instant start) {
        if (e.getStatusCode() == null) {
            return Result.problem(host, Outcome.ERROR, what + " failed: " + Failures.describe(e), start, RemoteExec.NAME);
        }
        String why = switch (e.getStatusCode()) {
            case NO_SUCH_FILE, NO_SUCH_PATH -> "no such file or directory (does the directory exist?)";
            case PERMISSION_DENIED -> "permission denied (check the path's owner and mode, or the login user)";
            default -> Failures.describe(e);
        };
        return Result.problem(host, Outcome.ERROR, what + " failed: " + why, start, RemoteExec.NAME);
    }
}
