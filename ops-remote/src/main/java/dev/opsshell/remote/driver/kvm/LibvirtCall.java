package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/**
 * One libvirt call made as a named step: {@code LibvirtCall.run("defining the domain", () -> …)}
 * turns libvirt's checked exception into a {@link DriverException} saying which step failed and
 * libvirt's own message and code.
 */
@FunctionalInterface
interface LibvirtCall<T> {
    T call() throws LibvirtException;

    static <T> T run(String step, LibvirtCall<T> call) {
        try {
            return call.call();
        } catch (LibvirtException e) {
            throw failed(step, e);
        }
    }

    static DriverException failed(String step, LibvirtException e) {
        return new DriverException(code(e) == null ? null : code(e).name(), step + " failed: " + message(e), e);
    }

    /** libvirt's error number, or null when the exception carries none. */
    static ErrorNumber code(LibvirtException e) {
        return e.getError() == null ? null : e.getError().getCode();
    }

    static String message(LibvirtException e) {
        String m = e.getError() == null ? e.getMessage() : e.getError().getMessage();
        return m == null ? e.toString() : m;
    }

    static boolean is(LibvirtException e, ErrorNumber expected) {
        return code(e) == expected;
    }
}
