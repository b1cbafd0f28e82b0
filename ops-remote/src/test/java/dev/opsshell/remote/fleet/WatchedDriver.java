package dev.opsshell.remote.fleet;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.DriverProvider;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real driver seen through a window: every call is recorded, two calls on one system at once
 * are caught, a call can be held until the test lets it go, and a call can be made to fail. The
 * work itself is done by the real driver underneath (kvm on libvirt's test hypervisor).
 */
final class WatchedDriver implements Driver {
    final Driver real;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> overlaps = new CopyOnWriteArrayList<>();
    final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> reached = new ConcurrentHashMap<>();
    final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Set<String> busy;
    final AtomicInteger active = new AtomicInteger();

    WatchedDriver(Driver real) {
        this(real, ConcurrentHashMap.newKeySet());
    }

    /** Shares {@code busy} with other watched drivers: two shells' calls on one system at once are caught too. */
    WatchedDriver(Driver real, Set<String> busy) {
        this.real = real;
        this.busy = busy;
    }

    /** A provider that gives this driver for its kind. */
    DriverProvider provider() {
        return new DriverProvider() {
            public String kind() {
                return real.kind();
            }

            public Driver open(DriverSection section) {
                return WatchedDriver.this;
            }
        };
    }

    /** The next call of {@code method} on {@code hostname} waits until {@link #release} is called. */
    void hold(String method, String hostname) {
        holds.put(method + " " + hostname, new CountDownLatch(1));
        reached.put(method + " " + hostname, new CountDownLatch(1));
    }

    void release(String method, String hostname) {
        holds.remove(method + " " + hostname).countDown();
    }

    boolean awaitReached(String method, String hostname, Duration limit) throws InterruptedException {
        return reached.get(method + " " + hostname).await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Calls of {@code method} on {@code hostname} throw a DriverException with this message. */
    void fail(String method, String hostname, String message) {
        failures.put(method + " " + hostname, message);
    }

    private void enter(String method, Machine m) {
        String key = method + " " + m.hostname();
        calls.add(key);
        if (!busy.add(m.id())) overlaps.add(key);
        active.incrementAndGet();
        CountDownLatch r = reached.get(key);
        if (r != null) r.countDown();
        CountDownLatch hold = holds.get(key);
        try {
            if (hold != null) hold.await();
        } catch (InterruptedException e) {
            // as a driver's wait does when its job is cancelled: stop here, say why
            leave(m);
            throw new DriverException("cancelled while " + key);
        }
        String failure = failures.get(key);
        if (failure != null) {
            leave(m);
            throw new DriverException(failure);
        }
    }

    private void leave(Machine m) {
        busy.remove(m.id());
        active.decrementAndGet();
    }

    public String kind() {
        return real.kind();
    }

    public Instance create(Machine m, JobContext job) {
        enter("create", m);
        try {
            return real.create(m, job);
        } finally {
            leave(m);
        }
    }

    public void start(Machine m, JobContext job) {
        enter("start", m);
        try {
            real.start(m, job);
        } finally {
            leave(m);
        }
    }

    public void stop(Machine m, Duration graceful, JobContext job) {
        enter("stop", m);
        try {
            real.stop(m, graceful, job);
        } finally {
            leave(m);
        }
    }

    public void reboot(Machine m, JobContext job) {
        enter("reboot", m);
        try {
            real.reboot(m, job);
        } finally {
            leave(m);
        }
    }

    public Instance status(Machine m) {
        return real.status(m);
    }

    public String address(Machine m, Duration wait, JobContext job) {
        return real.address(m, wait, job);
    }

    public void destroy(Machine m, JobContext job) {
        enter("destroy", m);
        try {
            real.destroy(m, job);
        } finally {
            leave(m);
        }
    }

    public List<Instance> list() {
        return real.list();
    }

    @Override
    public void close() {
        real.close();
    }
}
