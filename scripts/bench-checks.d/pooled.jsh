// Benchmark: in one shell session (pooled SSH connections), the ten checks of a goss file and one
// `uname -a` exec on the same hosts, alternated. Prints "check <ms>", "exec <ms>" per run and the
// medians. Run by scripts/bench-checks.
int repeats = Integer.parseInt(System.getenv().getOrDefault("BENCH_REPEATS", "20"));
connectTimeout(seconds(60));                // the warm-up opens every connection at once
var lab = hosts("lab");
var checks = goss(System.getenv("BENCH_GOSS"));
var first = check(lab, checks);            // opens and pools the connections; not timed
if (!first.allPassed()) { first.pretty(); throw new IllegalStateException("warm-up checks failed"); }
if (!lab.exec("uname -a").allOk()) throw new IllegalStateException("warm-up exec failed");
long[] c = new long[repeats];
long[] e = new long[repeats];
for (int i = 0; i < repeats; i++) {
    long t0 = System.nanoTime();
    var r = check(lab, checks);
    c[i] = (System.nanoTime() - t0) / 1_000_000;
    if (!r.allPassed()) { r.pretty(); throw new IllegalStateException("checks failed in run " + i); }
    t0 = System.nanoTime();
    var x = lab.exec("uname -a");
    e[i] = (System.nanoTime() - t0) / 1_000_000;
    if (!x.allOk()) { x.pretty(); throw new IllegalStateException("exec failed in run " + i); }
    System.out.println("check " + c[i] + " exec " + e[i]);
}
java.util.Arrays.sort(c);
java.util.Arrays.sort(e);
System.out.println("median-check " + c[repeats / 2]);
System.out.println("median-exec " + e[repeats / 2]);
