package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import org.libvirt.Connect;
import org.libvirt.ErrorCallback;
import org.libvirt.Library;
import org.libvirt.LibvirtException;

/**
 * libvirt's process-wide set-up, done once before the first connection: the C library loaded
 * (with a clear "install libvirt0" when it is missing), an error callback so libvirt never prints
 * "libvirt: error : …" to the shell's stderr (its errors reach ops as {@link LibvirtException}s
 * instead), and the default event loop run on a daemon thread (keepalives of remote connections,
 * domain events). Thread-safe.
 */
final class LibvirtRuntime {
    /** Held for the life of the JVM: JNA keeps only a weak reference to a native callback. */
    private static final ErrorCallback QUIET = new ErrorCallback();
    private static boolean ready;
    private static DriverException unavailable;
    private static volatile LibvirtException loopFailure;

    private LibvirtRuntime() {
    }

    /** Loads libvirt and starts its event loop the first time; throws the same clear error every time it cannot. */
    static synchronized void ensure() {
        if (ready) return;
        if (unavailable != null) throw unavailable;
        try {
            Connect.setErrorCallback(QUIET);
            Library.initEventLoop();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            unavailable = new DriverException("libvirt's C library (libvirt.so.0) could not be loaded: install libvirt0"
                    + " (apt-get install -y libvirt0; no daemon is needed for test:///default). JNA said: "
                    + rootMessage(e), e);
            throw unavailable;
        } catch (LibvirtException e) {
            unavailable = new DriverException("libvirt's event loop could not be registered: " + e.getMessage(), e);
            throw unavailable;
        }
        Thread loop = new Thread(LibvirtRuntime::runEvents, "libvirt-events");
        loop.setDaemon(true);
        loop.start();
        ready = true;
    }

    /** The error that ended the event loop, or null while it runs (it should never end). */
    static LibvirtException loopFailure() {
        return loopFailure;
    }

    private static void runEvents() {
        try {
            while (true) Library.processEvent();
        } catch (LibvirtException e) {
            // kept for diagnosis rather than printed: the shell owns stderr; connections still work
            // without the loop, only keepalives and events stop
            loopFailure = e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        // JNA lists every folder and the whole class path it searched: the first two lines say enough
        return String.join(" ", m.lines().limit(2).toList());
    }
}
