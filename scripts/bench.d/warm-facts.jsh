// Benchmark: facts from every host of "lab", repeated in one session, so connections are pooled.
// Prints one line per run in milliseconds, then "median <ms>". Run by scripts/bench-facts.
int repeats = Integer.parseInt(System.getenv().getOrDefault("BENCH_REPEATS", "10"));
var lab = hosts("lab");
var first = facts(lab);   // opens and pools the connections; not timed
if (first.size() != lab.size()) { first.results().pretty(); throw new IllegalStateException("warm-up failed"); }
long[] ms = new long[repeats];
for (int i = 0; i < repeats; i++) {
    long t0 = System.nanoTime();
    var f = facts(lab);
    ms[i] = (System.nanoTime() - t0) / 1_000_000;
    if (f.size() != lab.size()) { f.results().pretty(); throw new IllegalStateException("run " + i + " failed"); }
    System.out.println("run " + ms[i]);
}
java.util.Arrays.sort(ms);
System.out.println("median " + ms[repeats / 2]);
System.out.println("p90 " + ms[(int) Math.min(repeats - 1, Math.ceil(repeats * 0.9) - 1)]);
